"""Nothing waits unnoticed: every open item has a due time, an overdue queue raises one backlog
alert to the leads (re-alerted like any other until acknowledged), and an item whose scan never
ran (its process stopped after the commit) is scanned late, or escalated unread.

`every_minute` is what `manage.py send_safeguarding_alerts` runs each minute."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import safeguarding
from .models import AlertKind, ModerationItem, SafeguardingAlert

logger = logging.getLogger(__name__)


def due_at_for(*, workshop: str, now=None):
    """A live workshop's pins are due sooner: the group is still in the room."""
    hours = settings.MODERATION_WORKSHOP_DUE_HOURS if workshop else settings.MODERATION_DUE_HOURS
    return (now or timezone.now()) + timedelta(hours=hours)


def raise_backlog_alert(now=None) -> SafeguardingAlert | None:
    """One alert for every open item newly past its due time. While a backlog alert waits
    unacknowledged, newly overdue items join it rather than raising another."""
    now = now or timezone.now()
    with transaction.atomic():
        late = ModerationItem.objects.overdue(now).filter(backlog_alerted_at__isnull=True)
        late_ids = list(late.select_for_update().values_list("pk", flat=True))
        if not late_ids:
            return None
        ModerationItem.objects.filter(pk__in=late_ids).update(backlog_alerted_at=now)
        overdue = ModerationItem.objects.overdue(now).count()
        alert = (
            SafeguardingAlert.objects.unacknowledged()
            .select_for_update()
            .filter(kind=AlertKind.BACKLOG)
            .first()
        )
        if alert is not None:
            alert.overdue_count = overdue
            alert.save(update_fields=["overdue_count"])
            return alert
        alert = SafeguardingAlert.objects.create(
            kind=AlertKind.BACKLOG, source="backlog", raised_at=now, overdue_count=overdue
        )
        safeguarding.deliver_after_commit(alert.pk)
    return alert


def scan_late_items(now=None) -> int:
    """Scans every open item still unscanned MODERATION_SCAN_GRACE_SECONDS after it arrived (the
    after-commit scan never ran); a scan that fails escalates the item to the leads unread."""
    from .services import on_contribution_committed

    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.MODERATION_SCAN_GRACE_SECONDS)
    late = ModerationItem.objects.open().filter(
        scanned_at__isnull=True, flagged=False, created_at__lte=cutoff
    )
    count = 0
    for item_id in late.values_list("pk", flat=True):
        logger.warning("moderation item %s was not scanned on arrival: scanning it now", item_id)
        on_contribution_committed(item_id)
        count += 1
    return count


def every_minute(now=None) -> dict[str, int]:
    """Late scans first (they may raise alerts), then the backlog, then every alert due."""
    now = now or timezone.now()
    scanned = scan_late_items(now)
    backlog = raise_backlog_alert(now)
    sent = safeguarding.resend_unacknowledged_alerts(now)
    return {"scanned": scanned, "backlog": int(backlog is not None), "sent": sent}
