"""Pins for the map's tests. Single pins come from participation's own factories (handed to
moderation as the services do); `bulk_pins` makes hundreds at once, in any moderation state, for
property tests, the browser journeys and anything else that needs a crowd. A spec without a
source stands for its own source (as rows made before sources were kept)."""

import uuid

from django.contrib.contenttypes.models import ContentType

from moderation.models import ModerationItem, ModerationStatus
from participation.models import Feeling, LocationSource, Pin
from tests.participation.factories import (  # noqa: F401  (re-exported for the map's tests)
    ApprovedPinFactory,
    ExerciseFactory,
    PinFactory,
    ReasonFactory,
    contributor_hash,
    ensure_reference_data,
)

CENTRE = (51.4545, -2.5879)


def contributor(n) -> str:
    """The n-th distinct contributor of a test (a keyed hash, as the platform stores one)."""
    return contributor_hash(f"map-{n}")


def bulk_pins(specs: list[dict]) -> list[Pin]:
    """Many pins in a few queries. Each spec: lat, lng, contributor, and optionally feeling, when,
    period, exercise, reasons (Reason objects), comment, status, flagged, is_demo."""
    pin_type = ContentType.objects.get_for_model(Pin)
    items, pins, links = [], [], []
    for spec in specs:
        pin_id = uuid.uuid4()
        flagged = spec.get("flagged", False)
        # A flagged item (a possible disclosure) waits for a safeguarding lead: never approved.
        status = spec.get("status") or (
            ModerationStatus.PENDING if flagged else ModerationStatus.APPROVED
        )
        item = ModerationItem(
            content_type=pin_type,
            object_id=str(pin_id),
            kind="pin",
            status=status,
            flagged=flagged,
            rejection_reason="other" if status == ModerationStatus.REJECTED else "",
        )
        pin = Pin(
            id=pin_id,
            feeling=spec.get("feeling", Feeling.UNSAFE),
            when=spec.get("when", ""),
            comment=spec.get("comment", ""),
            location_source=LocationSource.MAP,
            exercise=spec.get("exercise"),
            contributor=spec["contributor"],
            source=spec.get("source", ""),
            moderation=item,
            period=spec.get("period", "2025-03"),
            is_demo=spec.get("is_demo", False),
        )
        pin.set_position(spec["lat"], spec["lng"])
        items.append(item)
        pins.append(pin)
        links += [
            Pin.reasons.through(pin_id=pin_id, reason_id=r.pk) for r in spec.get("reasons", [])
        ]
    ModerationItem.objects.bulk_create(items)
    Pin.objects.bulk_create(pins)
    Pin.reasons.through.objects.bulk_create(links)
    return pins
