"""Suggestions as a young person would send them, moderated or not."""

from coproduction.services import SuggestionSubmission, create_suggestion
from moderation.services import scan_item
from participation.codes import keyed_hash
from places.models import NamedPlace


def suggestion(**overrides):
    """A pending suggestion, saved and scanned as the real flow does after its commit."""
    fields = {
        "name": "Friday boxing club",
        "what": "activity",
        "who": "anyone",
        "why": "The coaches are kind and it is free.",
        "when": "Fridays 6 to 8pm",
        "link": "https://boxing.example.org/",
        "place": NamedPlace.objects.get(slug="hartcliffe"),
    }
    fields.update(overrides)
    made = create_suggestion(
        SuggestionSubmission(**fields), contributor=keyed_hash("contributor", "test-token")
    )
    scan_item(made.moderation_id)
    made.refresh_from_db()
    return made


def view(service, who: str, recommend: str = "yes", stood_out=(), comment: str = ""):
    """A young person's view of a service, given (or changed) as the real flow does."""
    from coproduction.models import StandOut
    from coproduction.youth_views import ViewSubmission, save_view

    return save_view(
        ViewSubmission(
            service=service,
            recommend=recommend,
            stood_out=tuple(StandOut.objects.filter(slug__in=stood_out)),
            comment=comment,
        ),
        contributor=keyed_hash("contributor", who),
    )


def default_stand_outs():
    """The list of what can stand out that the migration gives a new site: a test with a
    transactional database gets it back after an earlier test's flush."""
    from importlib import import_module

    from coproduction.models import StandOut

    defaults = import_module("coproduction.migrations.0003_default_stand_outs").DEFAULTS
    for order, (slug, label) in enumerate(defaults):
        StandOut.objects.get_or_create(slug=slug, defaults={"label": label, "sort_order": order})
