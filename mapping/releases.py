"""Releases: each month built once, frozen, and every published figure added up from them.

A span of months is the sum of its months' releases, cell by cell, so it reveals nothing the
monthly releases did not; and since those never change, the same question always gets the same
bytes. Finished answers are cached (they only change when a new month is released)."""

import hashlib
import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Min

from participation.models import Pin

from .aggregation import TOP_REASONS, aggregate_month, frozen_dense
from .models import Release
from .selection import (
    Filters,
    Selection,
    last_released_month,
    months_back,
    months_between,
    next_month,
)

CACHE_SECONDS = 300
# The longest span one answer adds up (ten years): older months are left out.
MAX_MONTHS = 120


def canonical_json(data) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def get_release(period: str, filters: Filters) -> Release:
    """The frozen release of a month, built now if this is the first time anyone asked."""
    key = {**filters.as_dict(), "period": period}
    release = Release.objects.for_rules().filter(**key).first()
    if release:
        return release
    dense = None
    if filters != Filters():
        # Every filter works within the partition the unfiltered release froze (aggregation.py).
        dense = frozen_dense(json.loads(get_release(period, Filters()).body)["cells"])
    aggregate = aggregate_month(period, filters, dense)
    body = canonical_json({"cells": aggregate.cells})
    # Two requests may build the same month at once: the first one stored wins, for both.
    release, _ = Release.objects.get_or_create(
        **key,
        min_contributors=settings.MAP_MIN_CONTRIBUTORS,
        rounding=settings.MAP_COUNT_ROUNDING,
        defaults={
            "body": body,
            "digest": hashlib.sha256(body.encode()).hexdigest(),
            "cells": len(aggregate.cells),
            "includes_demo": aggregate.includes_demo,
        },
    )
    return release


def get_releases(months: list[str], filters: Filters) -> list[Release]:
    """The releases of several months: the stored ones in one query, the rest built."""
    stored = {
        release.period: release
        for release in Release.objects.for_rules().filter(period__in=months, **filters.as_dict())
    }
    return [stored.get(month) or get_release(month, filters) for month in months]


def first_month() -> str | None:
    """The first month with a published pin. Candidate months come from the period index (a
    MIN is one index lookup; the join behind published() would read every pin), and each is
    confirmed through published() before it counts."""
    candidate = Pin.objects.aggregate(first=Min("period"))["first"]
    while candidate:
        if Pin.objects.published().filter(period=candidate).exists():
            return candidate
        candidate = Pin.objects.filter(period__gt=candidate).aggregate(first=Min("period"))["first"]
    return None


def released_months(selection: Selection) -> list[str]:
    """The whole months a selection covers that are released. Months asked for by name are kept
    even before the first contribution (so a month's answer never depends on other months); an
    open start begins at the first month with published contributions."""
    end = min(selection.end or last_released_month(), last_released_month())
    start = selection.start or first_month() or next_month(end)
    start = max(start, months_back(end, MAX_MONTHS - 1))
    return months_between(start, end) if start <= end else []


@dataclass
class Published:
    """The published cells of a selection: the sum of its months' releases."""

    selection: Selection
    months: list[str]
    cells: list[dict]
    includes_demo: bool = False

    @property
    def start(self) -> str:
        return self.months[0] if self.months else ""

    @property
    def end(self) -> str:
        return self.months[-1] if self.months else ""


def add_up(bodies: list[str]) -> list[dict]:
    totals: dict[str, dict] = {}
    for body in bodies:
        for cell in json.loads(body)["cells"]:
            total = totals.setdefault(
                cell["cell"],
                {"cell": cell["cell"], "safe": None, "unsafe": None, "total": 0, "r": {}},
            )
            total["total"] += cell["total"]
            for name in ("safe", "unsafe"):
                # A span adds the months that published the sub-count (as totals add the months
                # that published the cell); null when no month did.
                if cell[name] is not None:
                    total[name] = (total[name] or 0) + cell[name]
            for slug, count in cell["reasons"]:
                total["r"][slug] = total["r"].get(slug, 0) + count
    cells = []
    for cell_id in sorted(totals):
        cell = totals[cell_id]
        reasons = sorted(cell.pop("r").items(), key=lambda r: (-r[1], r[0]))[:TOP_REASONS]
        cells.append({**cell, "reasons": [list(r) for r in reasons]})
    return cells


def published(selection: Selection) -> Published:
    months = released_months(selection)
    releases = get_releases(months, selection.filters)
    return Published(
        selection,
        months,
        add_up([release.body for release in releases]),
        includes_demo=any(release.includes_demo for release in releases),
    )


# Inside one_reading(): the releases' state read once for the whole page, not once per collection.
_reading: ContextVar[dict | None] = ContextVar("mapping_reading", default=None)


@contextmanager
def one_reading():
    """A page that shows several collections (the map, the summary's times of day) reads the
    releases' state once. A release built meanwhile only makes the later cache keys of this one
    page older, never wrong: every cached value is built from stored releases."""
    token = _reading.set({})
    try:
        yield
    finally:
        _reading.reset(token)


def releases_state() -> str:
    """Changes whenever a release is added or removed (e.g. with the demo pins), in any process."""
    memo = _reading.get()
    if memo is not None and "state" in memo:
        return memo["state"]
    state = Release.objects.for_rules().aggregate(count=Count("id"), last=Max("id"))
    value = f"{state['count']}.{state['last']}"
    if memo is not None:
        memo["state"] = value
    return value


def standard_filters() -> list[Filters]:
    """What the public page and the partnership's trends ask for on every visit: everything,
    each time of day, each exercise."""
    from participation.models import TimeOfDay
    from workshops.models import Exercise

    return [
        Filters(),
        *(Filters(when=when) for when in TimeOfDay.values),
        *(Filters(exercise=slug) for slug in Exercise.objects.values_list("slug", flat=True)),
    ]


def build_releases() -> int:
    """Builds every released month's standard releases not built yet (a scheduled job, so no
    visitor waits for an aggregation). Returns how many were built."""
    before = Release.objects.for_rules().count()
    months = released_months(Selection())
    for filters in standard_filters():
        get_releases(months, filters)
    return Release.objects.for_rules().count() - before


def cache_key(kind: str, selection: Selection) -> str:
    digest = hashlib.sha256(canonical_json(selection.as_query()).encode()).hexdigest()[:32]
    rules = f"{settings.MAP_MIN_CONTRIBUTORS}.{settings.MAP_COUNT_ROUNDING}"
    return f"mapping:{kind}:{rules}:{last_released_month()}:{releases_state()}:{digest}"


def cached(kind: str, selection: Selection, build):
    key = cache_key(kind, selection)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value
