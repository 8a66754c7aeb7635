"""How a suggestion and a view of a service read on the receipt page (registered with
participation in apps.py)."""

from participation.services.receipts import PUBLISHED, ContributionStatus, public_status

from .models import ServiceView, Suggestion


def suggestion_status(suggestion: Suggestion) -> ContributionStatus:
    return ContributionStatus(
        kind=Suggestion.moderation_kind,
        id=str(suggestion.pk),
        status=public_status(suggestion.moderation),
        created_at=suggestion.created_at,
        summary=f"A suggestion: {suggestion.get_what_display().lower()} ({suggestion.where_label})",
        note=suggestion.moderation.response if suggestion.moderation else "",
    )


def service_view_status(view: ServiceView) -> ContributionStatus:
    # The choices count at once (only ever shown as rounded totals); a comment waits for
    # moderation, and is never shown word for word.
    status = public_status(view.moderation) if view.moderation_id else PUBLISHED
    return ContributionStatus(
        kind=ServiceView.moderation_kind,
        id=str(view.pk),
        status=status,
        created_at=view.created_at,
        summary=f"Your view of {view.service.name}: would recommend it: "
        f"{view.get_recommend_display().lower()}. It counts only in rounded totals of many "
        "young people's views, never on its own. To change it, give your view again on the "
        "service's page with this code.",
        note=view.moderation.response if view.moderation else "",
    )
