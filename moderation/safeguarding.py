"""Safeguarding: alerts to the leads, re-sent until acknowledged, and the leads' decisions.

An alert row is written in the transaction that flags the item and delivered only after it
commits, so a rolled-back submission alerts nobody. `resend_unacknowledged_alerts` is the
periodic part: `manage.py send_safeguarding_alerts` runs it (every minute from cron or a
systemd timer, or as a loop with --every 60)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from . import audit, notify
from .contributions import after_decision
from .errors import AlreadyDecided, DecisionError, NotAllowed
from .models import (
    AuditAction,
    ModerationItem,
    ModerationStatus,
    Outcome,
    Pathway,
    RejectionReason,
    SafeguardingAlert,
    SafeguardingDecision,
)
from .permissions import can_safeguard

logger = logging.getLogger(__name__)


def raise_alert(item: ModerationItem, *, categories, source: str) -> SafeguardingAlert:
    """Inside the flagging transaction: the alert row is the durable record that it must reach
    the leads; delivery is queued after the commit (and the minute job catches what it misses)."""
    now = timezone.now()
    alert = SafeguardingAlert.objects.create(
        item=item, categories=list(categories), source=source, raised_at=now
    )
    deliver_after_commit(alert.pk)
    return alert


def deliver_after_commit(alert_id) -> None:
    def enqueue():
        from .tasks import deliver_alert

        try:
            deliver_alert.enqueue(alert_id)
        except Exception:
            # The minute job delivers every alert that was never sent.
            logger.exception("could not queue the delivery of alert %s", alert_id)

    transaction.on_commit(enqueue)


def escalate_unscanned(item_id) -> None:
    """The scan failed: hand the item to the leads unread rather than risk a missed disclosure."""
    with transaction.atomic():
        item = ModerationItem.objects.select_for_update().filter(pk=item_id).first()
        if item is None or not item.is_open or item.flagged:
            return
        item.flagged, item.status = True, ModerationStatus.ESCALATED
        item.scan = {"pii": [], "abuse": False, "disclosure": [], "error": True}
        item.save()
        raise_alert(item, categories=[], source="scan-failed")
        audit.record(item, AuditAction.ESCALATED, note="The automatic scan failed.")
        transaction.on_commit(lambda: notify.queue_event(item, "escalated"))


# How long one sender holds an alert: longer than any mail server's timeout.
SENDER_HOLD = timedelta(minutes=5)


def _free(now) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lte=now)


def _sending_due(now) -> Q:
    """Never sent yet, or unacknowledged for SAFEGUARDING_REALERT_MINUTES since the last time."""
    cutoff = now - timedelta(minutes=settings.SAFEGUARDING_REALERT_MINUTES)
    return Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=cutoff)


def deliver(alert_id, now=None) -> bool:
    """Sends the alert (live and by email) if a sending is due, or tries its failed email again
    if that is due; nothing once acknowledged. Returns whether anything went out.

    The alert is held (`claimed_until`) while it is sent, outside any transaction, so a slow mail
    server holds no lock and the task and the minute job never send it twice at once."""
    now = now or timezone.now()
    with transaction.atomic():
        alert = (
            # Only the alert's row: a backlog alert has no item (PostgreSQL locks no outer join).
            SafeguardingAlert.objects.select_for_update(of=("self",))
            .select_related("item")
            .filter(_free(now), pk=alert_id, acknowledged_at__isnull=True)
            .first()
        )
        if alert is None:
            return False
        starting = SafeguardingAlert.objects.filter(_sending_due(now), pk=alert.pk).exists()
        retrying = alert.retry_at is not None and alert.retry_at <= now
        if not (starting or retrying):
            return False
        if starting:
            alert.sends += 1
            alert.last_sent_at = now
        alert.claimed_until = now + SENDER_HOLD
        alert.save(update_fields=["sends", "last_sent_at", "claimed_until"])
    if starting:
        notify.send_alert_live(alert)
    try:
        notify.email_alert(alert)
    except Exception:
        logger.exception("could not email alert %s: tried again in a minute", alert.pk)
        SafeguardingAlert.objects.filter(pk=alert.pk).update(
            retry_at=now + timedelta(minutes=settings.SAFEGUARDING_EMAIL_RETRY_MINUTES),
            email_failures=F("email_failures") + 1,
            claimed_until=None,
        )
        return starting
    SafeguardingAlert.objects.filter(pk=alert.pk).update(
        email_sent_at=timezone.now(), retry_at=None, email_failures=0, claimed_until=None
    )
    return True


def due_for_resending(now=None):
    """Every unacknowledged alert with a sending or an email retry due."""
    now = now or timezone.now()
    return SafeguardingAlert.objects.unacknowledged().filter(
        _free(now), _sending_due(now) | Q(retry_at__lte=now)
    )


def resend_unacknowledged_alerts(now=None) -> int:
    """Sends every alert never sent (its process stopped before delivery), again every alert no
    lead acknowledged within SAFEGUARDING_REALERT_MINUTES of its last sending, and every email
    that failed. Returns how many went out."""
    now = now or timezone.now()
    sent = 0
    for alert_id in due_for_resending(now).values_list("pk", flat=True):
        sent += deliver(alert_id, now=now)
    return sent


def acknowledge(alert_id, user, now=None) -> SafeguardingAlert | None:
    """A lead has seen it: no more reminders. Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        alert = SafeguardingAlert.objects.select_for_update().filter(pk=alert_id).first()
        if alert is None or alert.acknowledged_at is not None:
            return alert
        alert.acknowledged_at, alert.acknowledged_by = now, user
        alert.retry_at = None
        alert.save(update_fields=["acknowledged_at", "acknowledged_by", "retry_at"])
        if alert.item_id is not None:
            audit.record(alert.item, AuditAction.ALERT_ACKNOWLEDGED, actor=user, at=now)
        transaction.on_commit(
            lambda: notify.group_send(
                notify.LEADS_GROUP,
                {"type": "safeguarding.acknowledged", "alert": alert.pk, "by": user.get_username()},
            )
        )
    return alert


def _validate(outcome, pathway, referred_to, reason) -> dict[str, str]:
    errors = {}
    if outcome not in Outcome.values:
        errors["outcome"] = "Choose what you did: referred, or no further action."
    elif outcome == Outcome.REFERRED:
        if pathway not in Pathway.values:
            errors["pathway"] = "Choose the pathway you referred through."
        if not referred_to.strip():
            errors["referred_to"] = "Say who you referred to (service, team or person)."
    elif not reason.strip():
        errors["reason"] = "Say why no further action is needed."
    return errors


def record_decision(
    item_id,
    user,
    *,
    outcome: str,
    pathway: str = "",
    referred_to: str = "",
    reason: str = "",
    return_to_queue: bool = False,
) -> SafeguardingDecision:
    """A lead's decision on a flagged item.

    Referred: the contribution is never published (rejected, reason "safeguarding"). No further
    action: the same, unless the lead finds it is not a disclosure at all and returns it to the
    moderation queue, which clears the flag. Either way the item's alerts are acknowledged."""
    if not can_safeguard(user):
        raise NotAllowed("Only a safeguarding lead can record a safeguarding decision.")
    errors = _validate(outcome, pathway, referred_to, reason)
    if errors:
        raise DecisionError(errors)
    returning = outcome == Outcome.NO_FURTHER_ACTION and return_to_queue
    now = timezone.now()
    with transaction.atomic():
        item = ModerationItem.objects.select_for_update().filter(pk=item_id).first()
        if item is None or not item.flagged or not item.is_open:
            raise AlreadyDecided("This contribution has no open safeguarding decision.")
        decision = SafeguardingDecision.objects.create(
            item=item,
            outcome=outcome,
            pathway=pathway if outcome == Outcome.REFERRED else "",
            referred_to=referred_to.strip() if outcome == Outcome.REFERRED else "",
            reason=reason.strip(),
            returned_to_queue=returning,
            decided_by=user,
            decided_at=now,
        )
        for alert in item.alerts.unacknowledged():
            acknowledge(alert.pk, user, now=now)
        if returning:
            item.flagged, item.status = False, ModerationStatus.PENDING
        else:
            item.status, item.rejection_reason = (
                ModerationStatus.REJECTED,
                RejectionReason.SAFEGUARDING,
            )
            item.decided_by, item.decided_at = user, now
        item.claimed_by = item.claimed_at = None
        item.save()
        if not returning:
            after_decision(item, item.contribution)
        action = {
            Outcome.REFERRED: AuditAction.REFERRED,
            Outcome.NO_FURTHER_ACTION: AuditAction.NO_FURTHER_ACTION,
        }[outcome]
        audit.record(
            item,
            action,
            actor=user,
            reason=decision.pathway,
            at=now,
            referred_to=decision.referred_to,
            note=decision.reason,
        )
        if returning:
            audit.record(item, AuditAction.RETURNED, actor=user, at=now)
        else:
            audit.record(
                item, AuditAction.REJECTED, actor=user, at=now, reason=RejectionReason.SAFEGUARDING
            )
        transaction.on_commit(lambda: notify.queue_event(item, "decided"))
    return decision
