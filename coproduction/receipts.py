"""How a suggestion reads on the receipt page (registered with participation in apps.py)."""

from participation.services.receipts import ContributionStatus, public_status

from .models import Suggestion


def suggestion_status(suggestion: Suggestion) -> ContributionStatus:
    return ContributionStatus(
        kind=Suggestion.moderation_kind,
        id=str(suggestion.pk),
        status=public_status(suggestion.moderation),
        created_at=suggestion.created_at,
        summary=f"A suggestion: {suggestion.get_what_display().lower()} ({suggestion.where_label})",
        note=suggestion.moderation.response if suggestion.moderation else "",
    )
