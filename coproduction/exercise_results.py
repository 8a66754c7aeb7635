"""Good places young people suggest in answer to a mapping exercise, on the exercise's pages
(registered with workshops in apps.py, so workshops never imports this app): the "suggest a good
place" link on the exercise's card and its live workshops' pages, and the suggestions on the
exercise's results screen for staff."""

from urllib.parse import urlencode

from django.urls import reverse

from moderation.models import ModerationStatus

from .models import Suggestion

RESULTS_TEMPLATE = "coproduction/admin/exercise_suggestions.html"
LINK_LABEL = "Suggest a good place for young people"


def link(exercise, workshop=None) -> tuple[str, str] | None:
    """The suggestion form, tagged with the exercise (a workshop's by its code: a workshop-only
    exercise is reached only through it)."""
    if not exercise.asks_for_good_places:
        return None
    query = {"workshop": workshop.code} if workshop is not None else {"exercise": exercise.slug}
    return LINK_LABEL, f"{reverse('coproduction:suggest')}?{urlencode(query)}"


def results_section(request, rounds: list) -> dict | None:
    """Every round's suggestions, the newest first. Staff read the words only as moderation
    published them (redacted), and only once approved; what approval made of each (a draft
    listing for the Directory managers, or a match) is said by name."""
    if not any(exercise.asks_for_good_places for exercise in rounds):
        return None
    suggestions = (
        Suggestion.objects.filter(exercise__in=rounds)
        .select_related("exercise", "moderation", "place", "draft", "match")
        .order_by("-created_at")
    )
    rows = []
    for suggestion in suggestions:
        item = suggestion.moderation
        approved = item is not None and item.status == ModerationStatus.APPROVED
        rows.append(
            {
                "suggestion": suggestion,
                "status": item.get_status_display() if item else "Not sent to moderation",
                "name": suggestion.published_fields()["name"] if approved else "",
                "became": suggestion.draft or suggestion.match,
                "is_match": suggestion.match_id is not None,
            }
        )
    return {"template": RESULTS_TEMPLATE, "suggestion_rows": rows}
