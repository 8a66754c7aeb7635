"""How a service's published young people's view reads: on its page (with the form to give one)
and in its ORUK record. Both read the stored publication only (ServiceViewPublication), never the
views themselves, so nothing shows sooner or finer than coproduction/publication.py allows.

Registered with services_directory/extensions.py in apps.py (the directory never imports this)."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

from participation.views.common import new_key

from . import stand_outs
from .forms import ServiceViewForm
from .models import Recommend, ServiceViewPublication

SECTION_TEMPLATE = "coproduction/includes/service_view_section.html"


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    count: int


def published(service) -> ServiceViewPublication | None:
    try:
        # select_related by the ORUK feed and the service page (services_directory/extensions.py)
        shown = service.young_peoples_view
    except ObjectDoesNotExist:
        return None
    return shown if shown.shown else None


def lines(counts: dict) -> tuple[list[Line], list[Line]]:
    """The recommendation lines and the stand-out lines of published counts, in the form's
    order; a stand-out staff removed since is left out."""
    recommend = [Line(v, label, counts.get(v, 0)) for v, label in Recommend.choices]
    labels = stand_outs.labels()
    stood_out = [
        Line(slug, labels[slug], count)
        for slug, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if slug in labels and count
    ]
    return recommend, stood_out


def oruk_fields(service) -> dict:
    shown = published(service)
    if shown is None:
        return {}
    counts = dict(shown.counts)
    return {
        "x_young_peoples_view": {
            "people": counts.pop("people"),
            "recommend": {v: counts.pop(v, 0) for v in Recommend.values},
            "stood_out": {slug: n for slug, n in sorted(counts.items()) if n},
            "published": shown.published_at.isoformat(),
        }
    }


def page_section(request, service) -> dict:
    shown = published(service)
    recommend, stood_out = lines(shown.counts) if shown else ([], [])
    return {
        "template": SECTION_TEMPLATE,
        "view_service": service,
        "view_shown": shown,
        "view_recommend": recommend,
        "view_stood_out": stood_out,
        "view_form": ServiceViewForm(service=service),
        "view_stand_outs": stand_outs.active(),
        "view_key": new_key(),
        "view_recommend_choices": Recommend.choices,
    }
