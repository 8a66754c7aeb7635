"""One month of approved pins turned into publishable cells: the privacy rules live here.

- Only `Pin.objects.published()` is read: approved by a person and not flagged.
- Numbers are people, counted robustly: pins sharing a contributor token OR a source (a keyed
  fingerprint of the network, or a workshop participant: participation/sources.py) are one
  person. So one network clearing its cookie before every pin is still one person, and so is one
  cookie hopping between networks. A count of such people is never more than the distinct
  contributors and never more than the distinct sources behind it.
- The partition is fixed once per month on the unfiltered data: a resolution-8 cell is published
  when at least MAP_MIN_CONTRIBUTORS people pinned in it, and the pins of every other cell pool
  into their resolution-7 parent, published on the same rule. Every filter is applied within that
  partition (releases.py hands the frozen unfiltered cells in), so no pin is ever counted in one
  cell in one view and in another cell in another view.
- Every published number (a cell under a filter, a feeling, a reason) must come from at least the
  threshold of people, and must differ from each coarser number of the same cell (the same cell
  with fewer conditions) by nothing or by at least the threshold: subtracting two views of a cell
  never isolates a small group. A sub-count that fails is published as null ("fewer than N").
- Counts are rounded to the nearest MAP_COUNT_ROUNDING; reasons are ranked by rounded counts.
- Output carries H3 cell ids and counts only: no position, no words anyone wrote."""

from dataclasses import dataclass
from itertools import combinations

import h3

from django.conf import settings
from django.db.models import Count, Q

from participation.models import Feeling, Pin

from .selection import Filters

TOP_REASONS = 3


def round_count(n: int, base: int | None = None) -> int:
    """To the nearest multiple of `base` (integers never sit exactly half-way for base 5)."""
    base = base or settings.MAP_COUNT_ROUNDING
    return (2 * n + base) // (2 * base) * base


@dataclass(frozen=True)
class Row:
    """One pin and one of its reasons (reason "" for a pin without any)."""

    r8: str
    r7: str
    contributor: str
    source: str
    feeling: str
    when: str
    exercise: str
    reason: str
    demo: bool

    def matches(self, query: tuple) -> bool:
        return all(getattr(self, name) == value for name, value in query)


def month_rows(period: str) -> list[Row]:
    """One pass over the month, unfiltered: one row per cell, person, source and attributes."""
    groups = (
        Pin.objects.published()
        .filter(period=period)
        .order_by()
        .values_list(
            "h3_r8",
            "h3_r7",
            "contributor",
            "source",
            "feeling",
            "when",
            "exercise__slug",
            "reasons__slug",
        )
        .annotate(demo=Count("pk", filter=Q(is_demo=True)))
    )
    return [
        Row(r8, r7, person, source or person, feeling, when, exercise or "", reason or "", demo > 0)
        for r8, r7, person, source, feeling, when, exercise, reason, demo in groups
    ]


def people(rows: list[Row]) -> dict[Row, tuple]:
    """Each row's person: the connected groups of rows that share a contributor or a source."""
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in rows:
        parent[find(("c", row.contributor))] = find(("s", row.source))
    return {row: find(("c", row.contributor)) for row in rows}


class Unit:
    """A published cell (resolution 8) or a parent pool (resolution 7): its pins, unfiltered."""

    def __init__(self, cell: str, rows: list[Row]):
        self.cell = cell
        self.rows = rows
        self.person = people(rows)
        self._counts: dict[tuple, int] = {}

    def count(self, query: tuple) -> int:
        if query not in self._counts:
            self._counts[query] = len({self.person[r] for r in self.rows if r.matches(query)})
        return self._counts[query]

    def publishable(self, query: tuple, minimum: int) -> bool:
        """At least `minimum` people, and no coarser count of the cell differs by 1..minimum-1."""
        n = self.count(query)
        if n < minimum:
            return False
        for size in range(len(query)):
            for coarser in combinations(query, size):
                if 0 < self.count(coarser) - n < minimum:
                    return False
        return True

    def number(self, query: tuple, minimum: int) -> int | None:
        return round_count(self.count(query)) if self.publishable(query, minimum) else None


def as_query(filters: Filters) -> tuple:
    return tuple((name, value) for name, value in sorted(filters.as_dict().items()) if value)


def with_condition(query: tuple, name: str, value: str) -> tuple:
    return tuple(sorted({*query, (name, value)}))


def cell_numbers(unit: Unit, query: tuple, minimum: int) -> dict:
    reasons = sorted({row.reason for row in unit.rows if row.reason})
    published_reasons = []
    for slug in reasons:
        number = unit.number(with_condition(query, "reason", slug), minimum)
        if number is not None:
            published_reasons.append([slug, number])
    asked = dict(query).get("feeling")

    def feeling(value: str) -> int | None:
        if asked and asked != value:
            return None  # not asked for: nothing to publish
        return unit.number(with_condition(query, "feeling", value), minimum)

    return {
        "cell": unit.cell,
        "safe": feeling(Feeling.SAFE),
        "unsafe": feeling(Feeling.UNSAFE),
        "total": round_count(unit.count(query)),
        # Ranked on published numbers only (then by slug), so the order leaks nothing finer.
        "reasons": sorted(published_reasons, key=lambda r: (-r[1], r[0]))[:TOP_REASONS],
    }


def units(rows: list[Row], dense: set[str]) -> list[Unit]:
    """The month's partition: each dense resolution-8 cell, and the parents pooling the rest."""
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.r8 if row.r8 in dense else row.r7, []).append(row)
    return [Unit(cell, cell_rows) for cell, cell_rows in grouped.items()]


def dense_cells(rows: list[Row], minimum: int) -> set[str]:
    """The resolution-8 cells published unfiltered: at least `minimum` people each."""
    by_cell: dict[str, list[Row]] = {}
    for row in rows:
        by_cell.setdefault(row.r8, []).append(row)
    return {
        cell for cell, cell_rows in by_cell.items() if Unit(cell, cell_rows).count(()) >= minimum
    }


def frozen_dense(cells: list[dict]) -> set[str]:
    """The dense cells of a month's frozen unfiltered release."""
    return {cell["cell"] for cell in cells if h3.get_resolution(cell["cell"]) == 8}


@dataclass
class MonthAggregate:
    cells: list[dict]
    includes_demo: bool


def aggregate_month(period: str, filters: Filters, dense: set[str] | None = None) -> MonthAggregate:
    """The month's published cells under `filters`, within the partition `dense` (the month's
    frozen unfiltered resolution-8 cells; computed from the pins when not given)."""
    minimum = settings.MAP_MIN_CONTRIBUTORS
    rows = month_rows(period)
    if dense is None:
        dense = dense_cells(rows, minimum)
    query = as_query(filters)
    cells = [
        cell_numbers(unit, query, minimum)
        for unit in units(rows, dense)
        if unit.publishable(query, minimum)
    ]
    return MonthAggregate(
        cells=sorted(cells, key=lambda c: c["cell"]),
        includes_demo=any(row.demo and row.matches(query) for row in rows),
    )
