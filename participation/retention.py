"""How long the keyed network fingerprints behind pins and supports are kept (run by
`manage.py purge_expired`, daily, through moderation.retention.retention_due).

A source (participation/sources.py) is an HMAC of a network: with the key and a guessed address
anyone could confirm where a pin came from. It is needed only while new rows can join its group:
a pin's month until that month's map is frozen, a support while one network could support the
idea again. After that each group's fingerprint is replaced by a random token, the same for every
row of the group and derived from nothing, so every count (people per cell, supports per idea)
stays exactly what it was, and no address can ever be matched to it again.

- Pins: a month's pins are settled PARTICIPATION_PIN_SOURCE_DAYS after the month ends (longer than
  MAP_RELEASE_AFTER_DAYS, so the month is released first; no new pin joins a past month).
- Supports: settled PARTICIPATION_SUPPORT_SOURCE_DAYS after they were made. A network whose
  supports were settled could support the idea once more: once per period at most."""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Pin, Support

SETTLED = "settled-"  # a settled source: random, never an HMAC of anything


@dataclass
class Settled:
    pins: int = 0
    supports: int = 0

    def __str__(self):
        return f"network fingerprints settled: {self.pins} pins, {self.supports} supports"


def _settle(rows, group_field: str) -> int:
    """Replaces the source of `rows` by one random token per (group, source)."""
    changed = 0
    groups = rows.exclude(source="").exclude(source__startswith=SETTLED)
    for group, source in groups.values_list(group_field, "source").distinct().order_by():
        token = SETTLED + secrets.token_hex(24)
        changed += rows.filter(**{group_field: group}, source=source).update(source=token)
    return changed


def last_settled_month(now) -> str:
    """The latest month whose pins are settled: ended PARTICIPATION_PIN_SOURCE_DAYS ago or more."""
    day = timezone.localtime(now).date() - timedelta(days=settings.PARTICIPATION_PIN_SOURCE_DAYS)
    month_before = date(day.year, day.month, 1) - timedelta(days=1)
    return month_before.strftime("%Y-%m")


def settle_sources(now=None) -> Settled:
    now = now or timezone.now()
    support_cutoff = now - timedelta(days=settings.PARTICIPATION_SUPPORT_SOURCE_DAYS)
    with transaction.atomic():
        return Settled(
            pins=_settle(Pin.objects.filter(period__lte=last_settled_month(now)), "period"),
            supports=_settle(Support.objects.filter(created_at__lt=support_cutoff), "proposal"),
        )
