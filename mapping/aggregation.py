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


def month_groups(pins) -> list[tuple]:
    """One pass over the month: an indexed GROUP BY (period, then the precomputed cells) down to
    one row per cell, person, feeling and reason, whatever the number of pins behind it."""
    return list(
        pins.order_by()
        .values_list("h3_r8", "h3_r7", "contributor", "feeling", "reasons__slug")
        .annotate(demo=Count("pk", filter=Q(is_demo=True)))
    )


class Tally:
    """Distinct people per cell: in all, by feeling, and by reason."""

    def __init__(self):
        self.people: dict[str, set] = {}
        self.feelings: dict[tuple[str, str], set] = {}
        self.reasons: dict[str, dict[str, set]] = {}

    def add(self, cell, person, feeling, reason) -> None:
        self.people.setdefault(cell, set()).add(person)
        self.feelings.setdefault((cell, feeling), set()).add(person)
        if reason:
            self.reasons.setdefault(cell, {}).setdefault(reason, set()).add(person)

    def published(self, minimum: int) -> list[str]:
        return [cell for cell, people in self.people.items() if len(people) >= minimum]

    def cell(self, cell: str, minimum: int) -> dict:
        def people(key) -> int:
            return len(self.feelings.get((cell, key), ()))

        reasons = [
            [slug, round_count(len(gave))]
            for slug, gave in self.reasons.get(cell, {}).items()
            if len(gave) >= minimum
        ]
        return {
            "cell": cell,
            "safe": round_count(people(Feeling.SAFE)),
            "unsafe": round_count(people(Feeling.UNSAFE)),
            "total": round_count(len(self.people[cell])),
            # Ranked on published numbers only (then by slug), so the order leaks nothing finer.
            "reasons": sorted(reasons, key=lambda r: (-r[1], r[0]))[:TOP_REASONS],
        }


@dataclass
class MonthAggregate:
    cells: list[dict]
    includes_demo: bool


def aggregate_month(period: str, filters: Filters) -> MonthAggregate:
    minimum = settings.MAP_MIN_CONTRIBUTORS
    groups = month_groups(month_pins(period, filters))
    fine = Tally()
    for r8, _, person, feeling, reason, _ in groups:
        fine.add(r8, person, feeling, reason)
    dense = set(fine.published(minimum))
    coarse = Tally()
    for r8, r7, person, feeling, reason, _ in groups:
        if r8 not in dense:
            coarse.add(r7, person, feeling, reason)
    cells = [fine.cell(cell, minimum) for cell in dense]
    cells += [coarse.cell(cell, minimum) for cell in coarse.published(minimum)]
    return MonthAggregate(
        cells=sorted(cells, key=lambda c: c["cell"]),
        includes_demo=any(group[5] for group in groups),
    )
