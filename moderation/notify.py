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


def alert_payload(alert) -> dict:
    return {
        "id": alert.pk,
        "item": str(alert.item_id),
        "kind": alert.item.kind,
        "categories": alert.categories,
        "labels": [CATEGORY_LABELS.get(slug, slug) for slug in alert.categories],
        "source": alert.source,
        "raised_at": alert.raised_at.isoformat(),
        "sends": alert.sends,
        "url": reverse("moderation_safeguarding:review", args=[alert.item_id]),
        "acknowledge_url": reverse("moderation_safeguarding:acknowledge", args=[alert.pk]),
    }


def lead_emails() -> list[str]:
    User = get_user_model()
    leads = User.objects.filter(is_active=True, groups__name=SAFEGUARDING_LEADS).exclude(email="")
    emails = {*leads.values_list("email", flat=True)}
    emails.update(settings.SAFEGUARDING_ALERT_EMAILS)
    return sorted(emails)


def send_alert(alert) -> None:
    """Live to every connected lead, and by email. The email never carries the contributor's
    words (email leaves our systems): only the categories and a link to sign in and read."""
    try:
        group_send(LEADS_GROUP, {"type": "safeguarding.alert", "alert": alert_payload(alert)})
    except Exception:
        logger.exception("could not send safeguarding alert %s live", alert.pk)
    recipients = lead_emails()
    if not recipients:
        logger.error("safeguarding alert %s: no lead has an email address", alert.pk)
        return
    labels = ", ".join(CATEGORY_LABELS.get(slug, slug) for slug in alert.categories)
    again = f" (reminder {alert.sends - 1})" if alert.sends > 1 else ""
    subject = f"Safeguarding alert{again}: a possible disclosure needs a lead"
    body = (
        "A contribution to Safer Places Bristol may disclose harm and needs a safeguarding lead "
        "now.\n\n"
        f"Indicators: {labels or 'escalated by a moderator'}\n"
        f"Raised: {alert.raised_at:%d %B %Y %H:%M}\n\n"
        f"Sign in to read it and record what you did: {item_admin_url(alert.item)}\n\n"
        "This email is sent again every "
        f"{settings.SAFEGUARDING_REALERT_MINUTES} minutes until a lead acknowledges the alert."
    )
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        # The re-alert sends it again; the live alert has gone already.
        logger.exception("could not email safeguarding alert %s", alert.pk)
