"""Writing the audit: one entry per decision, inside the decision's transaction."""

from django.utils import timezone

from .models import AuditEntry


def record(
    item,
    action: str,
    *,
    actor=None,
    reason: str = "",
    note: str = "",
    referred_to: str = "",
    before: str = "",
    after: str = "",
    at=None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        at=at or timezone.now(),
        item_id=item.pk,
        kind=item.kind,
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=actor.get_username() if actor is not None and actor.is_authenticated else "",
        reason=reason[:200],
        note=note,
        referred_to=referred_to[:200],
        before_text=before,
        after_text=after,
    )
