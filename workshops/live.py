"""A workshop's live screen: what the facilitator sees, and the events that keep it current.

Pins reach the screen as feeling, reasons and the centre of their resolution-9 H3 cell (about
200 m across), never the exact spot: the screen is often projected in the room. A comment shows
only once a moderator has approved it, and only as moderation's published (redacted) text.

Events travel over the channel layer (Redis across processes) to the group of the workshop's
code, sent only after the commit that made them true."""

import logging

from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from moderation.models import ModerationItem
from participation.models import Feeling, Pin, Reason
from participation.signals import contribution_committed
from places.geo import cell_centre
from security.live import group_send

from .models import FacilitatorEntry, Workshop
from .services.workshops import paper_contributor

logger = logging.getLogger(__name__)
EVENT = "workshop.event"


def group_name(code: str) -> str:
    return f"workshop-{code}"


def send(code: str, data: dict) -> None:
    try:
        group_send(group_name(code), {"type": EVENT, "data": data})
    except Exception:
        # A live update is a convenience: the screen is right again on its next (re)connect.
        logger.exception("could not send a live event to workshop %s", code)


def published_comment(item) -> str:
    return item.published_text if item is not None and item.is_public else ""


def pin_payload(pin: Pin, *, paper: bool) -> dict:
    lat, lng = cell_centre(pin.h3_r9)
    return {
        "id": str(pin.pk),
        "feeling": pin.feeling,
        "feeling_label": pin.get_feeling_display(),
        "reasons": [reason.label for reason in pin.reasons.all()],
        "lat": lat,
        "lng": lng,
        "paper": paper,
        "comment": published_comment(pin.moderation),
    }


def counts(workshop: Workshop) -> dict:
    pins = workshop.pins()
    feelings = dict(pins.values_list("feeling").annotate(n=Count("pk")).order_by())
    reasons = (
        Reason.objects.filter(pins__workshop=workshop.code)
        .values("slug", "label", "feeling")
        .annotate(count=Count("pins"))
        .order_by("-count", "label")
    )
    return {
        "participants": pins.exclude(contributor=paper_contributor(workshop))
        .values("contributor")
        .distinct()
        .count(),
        "total": sum(feelings.values()),
        "paper": FacilitatorEntry.objects.filter(workshop=workshop).count(),
        "feelings": {value: feelings.get(value, 0) for value in Feeling.values},
        "reasons": list(reasons),
    }


def status_payload(workshop: Workshop) -> dict:
    return {"status": workshop.status, "status_label": workshop.get_status_display()}


def snapshot(workshop: Workshop) -> dict:
    """Everything the screen shows, sent when a socket connects (and reconnects)."""
    pins = (
        workshop.pins()
        .select_related("moderation", "facilitator_entry")
        .prefetch_related("reasons")
        .order_by("created_at")
    )
    return {
        "type": "snapshot",
        **status_payload(workshop),
        "pins": [
            pin_payload(pin, paper=hasattr(pin, "facilitator_entry")) for pin in pins.iterator(200)
        ],
        **counts(workshop),
    }


@receiver(contribution_committed, dispatch_uid="workshops.live.pin")
def announce_pin(sender, instance, kind, **kwargs):
    if kind != "pin" or not getattr(instance, "workshop", ""):
        return
    workshop = Workshop.objects.filter(code=instance.workshop).first()
    pin = (
        Pin.objects.select_related("moderation", "facilitator_entry")
        .prefetch_related("reasons")
        .filter(pk=instance.pk)
        .first()
    )
    if workshop is None or pin is None:
        return
    payload = pin_payload(pin, paper=hasattr(pin, "facilitator_entry"))
    send(workshop.code, {"type": "pin", "pin": payload, **counts(workshop)})


def announce_status(workshop: Workshop) -> None:
    send(workshop.code, {"type": "status", **status_payload(workshop)})


@receiver(post_save, sender=ModerationItem, dispatch_uid="workshops.live.comment")
def announce_comment(sender, instance, created, **kwargs):
    if created or instance.kind != "pin" or not instance.workshop:
        return
    text = published_comment(instance)
    if text:
        data = {"type": "comment", "id": instance.object_id, "comment": text}
        transaction.on_commit(lambda: send(instance.workshop, data))


@receiver(post_delete, sender=Pin, dispatch_uid="workshops.live.removed")
def announce_removed(sender, instance, **kwargs):
    # Deleted with its receipt code, or by retention: it leaves the screen too.
    if not instance.workshop:
        return
    code, pin_id = instance.workshop, str(instance.pk)

    def removed():
        workshop = Workshop.objects.filter(code=code).first()
        if workshop is not None:
            send(code, {"type": "removed", "id": pin_id, **counts(workshop)})

    transaction.on_commit(removed)
