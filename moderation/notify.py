"""Telling staff: queue events and safeguarding alerts over the channel layer (Redis across
processes), and alerts by email. Only ever called after a commit.

Two groups: QUEUE (every moderator and lead) hears about unflagged items; LEADS (safeguarding
leads only) hears about everything, flagged items and alerts included. No event carries the
contributor's words; a moderator opens the item to read them."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse

from security.live import group_send
from staff.roles import SAFEGUARDING_LEADS

from .scanner import CATEGORY_LABELS

logger = logging.getLogger(__name__)

QUEUE_GROUP = "moderation.queue"
LEADS_GROUP = "moderation.leads"


def item_payload(item) -> dict:
    return {
        "id": str(item.pk),
        "kind": item.kind,
        "status": item.status,
        "status_label": item.get_status_display(),
        "flagged": item.flagged,
        "flags": item.flags,
        "claimed_by": item.claimed_by.get_username() if item.claimed_by_id else "",
        "created_at": item.created_at.isoformat() if item.created_at else "",
    }


def queue_event(item, event: str) -> None:
    """`event`: "new", "claimed", "released", "decided", "redacted", "escalated"."""
    message = {"type": "queue.event", "event": event, "item": item_payload(item)}
    try:
        group_send(LEADS_GROUP, message)
        if not item.flagged:
            group_send(QUEUE_GROUP, message)
    except Exception:
        # A live update is a convenience: the queue page is right on its next load.
        logger.exception("could not send the queue event for %s", item.pk)


def item_admin_url(item) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "moderation_safeguarding:review", args=[item.pk]
    )


def alert_labels(alert) -> list[str]:
    if alert.item_id is None:
        return [f"{alert.overdue_count} contributions past their due time"]
    return [CATEGORY_LABELS.get(slug, slug) for slug in alert.categories]


def alert_url(alert) -> str:
    if alert.item_id is None:
        return reverse("moderation_queue:index")
    return reverse("moderation_safeguarding:review", args=[alert.item_id])


def alert_payload(alert) -> dict:
    return {
        "id": alert.pk,
        "item": str(alert.item_id) if alert.item_id else "",
        "kind": alert.item.kind if alert.item_id else alert.kind,
        "categories": alert.categories,
        "labels": alert_labels(alert),
        "source": alert.source,
        "raised_at": alert.raised_at.isoformat(),
        "sends": alert.sends,
        "url": alert_url(alert),
        "acknowledge_url": reverse("moderation_safeguarding:acknowledge", args=[alert.pk]),
    }


def lead_emails() -> list[str]:
    User = get_user_model()
    leads = User.objects.filter(is_active=True, groups__name=SAFEGUARDING_LEADS).exclude(email="")
    emails = {*leads.values_list("email", flat=True)}
    emails.update(settings.SAFEGUARDING_ALERT_EMAILS)
    return sorted(emails)


def send_alert_live(alert) -> None:
    """To every connected lead; a convenience next to the email, so it never raises."""
    try:
        group_send(LEADS_GROUP, {"type": "safeguarding.alert", "alert": alert_payload(alert)})
    except Exception:
        logger.exception("could not send safeguarding alert %s live", alert.pk)


def _email(alert) -> tuple[str, str]:
    again = f" (reminder {alert.sends - 1})" if alert.sends > 1 else ""
    repeat = (
        "This email is sent again every "
        f"{settings.SAFEGUARDING_REALERT_MINUTES} minutes until a lead acknowledges the alert."
    )
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if alert.item_id is None:
        return (
            f"Moderation backlog{again}: contributions are past their due time",
            f"{alert.overdue_count} contributions to Safer Places Bristol have waited past the "
            "time by which a moderator should have read them. Unread words may hide a "
            "disclosure.\n\n"
            f"Raised: {alert.raised_at:%d %B %Y %H:%M}\n\n"
            f"Sign in to see the queue and acknowledge the alert: "
            f"{base}{reverse('moderation_safeguarding:alerts')}\n\n{repeat}",
        )
    labels = ", ".join(alert_labels(alert))
    return (
        f"Safeguarding alert{again}: a possible disclosure needs a lead",
        "A contribution to Safer Places Bristol may disclose harm and needs a safeguarding lead "
        "now.\n\n"
        f"Indicators: {labels or 'escalated by a moderator'}\n"
        f"Raised: {alert.raised_at:%d %B %Y %H:%M}\n\n"
        f"Sign in to read it and record what you did: {item_admin_url(alert.item)}\n\n{repeat}",
    )


def email_alert(alert) -> bool:
    """Emails the alert to every lead; raises if the mail server fails (the caller retries).
    The email never carries the contributor's words (email leaves our systems): only the
    categories and a link to sign in and read."""
    recipients = lead_emails()
    if not recipients:
        logger.error("safeguarding alert %s: no lead has an email address", alert.pk)
        return False
    subject, body = _email(alert)
    send_mail(subject, body, None, recipients)
    return True
