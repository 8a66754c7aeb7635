"""Moderators see when many items come from one source (moderation/sources.py), never where from;
the fingerprint behind it goes after MODERATION_SOURCE_DAYS (purge_expired)."""

import json
import re
import uuid
from datetime import timedelta

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from moderation.models import ModerationItem
from moderation.retention import purge_expired

pytestmark = pytest.mark.django_db

FLOOD = "203.0.113.77"


@pytest.fixture(autouse=True)
def _own_limits(settings):
    settings.PARTICIPATION_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex


def pin_from(address: str) -> ModerationItem:
    # A fresh client each time: the cookie cleared before every pin.
    response = Client(REMOTE_ADDR=address).post(
        "/api/v1/pins",
        data=json.dumps({"feeling": "unsafe", "place": "ashley-down"}),
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 201, response.content
    return ModerationItem.objects.get(object_id=response.json()["id"])


def markers(html: str) -> list[str]:
    return re.findall(r'data-same-source="(\d+)"', html)


def test_the_queue_marks_items_from_one_source_without_the_address(moderator_client, settings):
    settings.MODERATION_SAME_SOURCE_ITEMS = 5
    flood = [pin_from(FLOOD) for _ in range(5)]
    alone = [pin_from(f"198.51.100.{n}") for n in range(3)]
    assert len({item.source for item in flood}) == 1 and all(len(i.source) == 64 for i in flood)
    html = moderator_client.get("/admin/moderation/queue/").content.decode()
    assert markers(html) == ["5"] * 5
    assert "5 items from the same source within 6 hours" in html
    assert FLOOD not in html and flood[0].source not in html
    review = moderator_client.get(
        reverse("moderation_queue:review", args=[flood[0].pk])
    ).content.decode()
    assert markers(review) == ["5"]
    quiet = moderator_client.get(
        reverse("moderation_queue:review", args=[alone[0].pk])
    ).content.decode()
    assert markers(quiet) == []


def test_four_items_or_items_hours_apart_carry_no_marker(moderator_client, settings):
    settings.MODERATION_SAME_SOURCE_ITEMS = 5
    items = [pin_from(FLOOD) for _ in range(5)]
    # The first arrived seven hours before the rest: outside a six-hour window of each.
    ModerationItem.objects.filter(pk=items[0].pk).update(
        created_at=timezone.now() - timedelta(hours=7)
    )
    html = moderator_client.get("/admin/moderation/queue/").content.decode()
    assert markers(html) == []


def test_the_fingerprint_is_cleared_after_the_retention_period(settings):
    old, fresh = pin_from(FLOOD), pin_from(FLOOD)
    ModerationItem.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=settings.MODERATION_SOURCE_DAYS, minutes=1)
    )
    assert purge_expired().sources == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.source == "" and fresh.source
    assert purge_expired().sources == 0
