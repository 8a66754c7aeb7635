"""One month of approved pins turned into publishable cells: the privacy rules live here.

- Only `Pin.objects.published()` is read: approved by a person and not flagged.
- Numbers are people, not pins: distinct contributors, so one person pinning an area fifty times
  counts once and cannot dominate it.
- A resolution-8 cell is published when at least MAP_MIN_CONTRIBUTORS people pinned in it. The
  pins of the cells that are not published are pooled by their resolution-7 parent, which is
  published on the same rule: sparse areas still show, at a coarser grain, and no pin is counted
  in two published cells, so no published cell can be subtracted from another.
- Counts are rounded to the nearest MAP_COUNT_ROUNDING; a reason is listed for a cell only when
  enough people gave it too, and reasons are ranked by their rounded counts only.
- Output carries H3 cell ids and counts only: no position, no words anyone wrote."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from participation.models import Feeling, Pin

from .selection import Filters

TOP_REASONS = 3


def round_count(n: int, base: int | None = None) -> int:
    """To the nearest multiple of `base` (integers never sit exactly half-way for base 5)."""
    base = base or settings.MAP_COUNT_ROUNDING
    return (2 * n + base) // (2 * base) * base


def month_pins(period: str, filters: Filters):
    pins = Pin.objects.published().filter(period=period)
    if filters.exercise:
        pins = pins.filter(exercise__slug=filters.exercise)
    if filters.feeling:
        pins = pins.filter(feeling=filters.feeling)
    if filters.when:
        pins = pins.filter(when=filters.when)
    return pins


def _people(**feeling):
    if feeling:
        return Count("contributor", distinct=True, filter=Q(**feeling))
    return Count("contributor", distinct=True)


def _counts_by(pins, field: str) -> dict[str, dict]:
    rows = (
        pins.order_by()
        .values(field)
        .annotate(
            people=_people(),
            safe=_people(feeling=Feeling.SAFE),
            unsafe=_people(feeling=Feeling.UNSAFE),
        )
    )
    return {row[field]: row for row in rows}


def _reasons_by(pins, field: str, minimum: int) -> dict[str, list[list]]:
    rows = (
        pins.filter(reasons__isnull=False)
        .order_by()
        .values(field, "reasons__slug")
        .annotate(people=_people())
        .filter(people__gte=minimum)
    )
    found: dict[str, list[list]] = {}
    for row in rows:
        found.setdefault(row[field], []).append([row["reasons__slug"], round_count(row["people"])])
    # Ranked on published numbers only (then by slug), so the order leaks nothing finer.
    return {
        cell: sorted(reasons, key=lambda r: (-r[1], r[0]))[:TOP_REASONS]
        for cell, reasons in found.items()
    }


@dataclass
class MonthAggregate:
    cells: list[dict]
    includes_demo: bool


def aggregate_month(period: str, filters: Filters) -> MonthAggregate:
    minimum = settings.MAP_MIN_CONTRIBUTORS
    pins = month_pins(period, filters)
    fine = {
        cell: row for cell, row in _counts_by(pins, "h3_r8").items() if row["people"] >= minimum
    }
    sparse = pins.exclude(h3_r8__in=list(fine))
    coarse = {
        cell: row for cell, row in _counts_by(sparse, "h3_r7").items() if row["people"] >= minimum
    }
    reasons = {
        **_reasons_by(pins.filter(h3_r8__in=list(fine)), "h3_r8", minimum),
        **_reasons_by(sparse.filter(h3_r7__in=list(coarse)), "h3_r7", minimum),
    }
    cells = [
        {
            "cell": cell,
            "safe": round_count(row["safe"]),
            "unsafe": round_count(row["unsafe"]),
            "total": round_count(row["people"]),
            "reasons": reasons.get(cell, []),
        }
        for cell, row in sorted({**fine, **coarse}.items())
    ]
    return MonthAggregate(cells=cells, includes_demo=pins.filter(is_demo=True).exists())
