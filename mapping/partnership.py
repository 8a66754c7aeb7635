"""What the partnership's analysts read: trends and comparisons, built from releases only.

Nothing here touches a pin: every figure adds up published (thresholded, rounded) cells of frozen
monthly releases, so analysts see exactly what the public map could show, arranged differently.
Totals add up cells: someone who pinned two areas counts in both."""

import json

from participation.models import TimeOfDay
from workshops.models import Exercise

from .outputs import collection_for, reason_labels, rows
from .releases import get_releases, published, released_months
from .scale import unsafe_share
from .selection import Filters, Selection, month_label


def totals(cells: list[dict]) -> dict:
    safe = sum(c["safe"] or 0 for c in cells)
    unsafe = sum(c["unsafe"] or 0 for c in cells)
    return {
        "areas": len(cells),
        "safe": safe,
        "unsafe": unsafe,
        "total": sum(c["total"] for c in cells),
        "unsafe_share": unsafe_share(safe, unsafe),
    }


def by_month(selection: Selection) -> list[dict]:
    found = []
    for release in get_releases(released_months(selection), selection.filters):
        cells = json.loads(release.body)["cells"]
        found.append({"key": release.period, "label": month_label(release.period), **totals(cells)})
    return found


def _with(selection: Selection, **changes) -> Selection:
    return Selection(selection.filters.replace(**changes), selection.start, selection.end)


def by_time(selection: Selection) -> list[dict]:
    found = []
    for when, label in TimeOfDay.choices:
        result = published(_with(selection, when=when))
        found.append({"key": when, "label": label, **totals(result.cells)})
    return found


def by_reason(selection: Selection) -> list[dict]:
    labels = reason_labels()
    people: dict[str, int] = {}
    areas: dict[str, int] = {}
    for cell in published(selection).cells:
        for slug, count in cell["reasons"]:
            people[slug] = people.get(slug, 0) + count
            areas[slug] = areas.get(slug, 0) + 1
    return [
        {"key": slug, "label": labels.get(slug, slug), "people": people[slug], "areas": areas[slug]}
        for slug in sorted(people, key=lambda s: (-people[s], s))
    ]


def by_exercise(selection: Selection) -> list[dict]:
    found = []
    for exercise in Exercise.objects.order_by("title", "round_number"):
        result = published(_with(selection, exercise=exercise.slug))
        found.append({"key": exercise.slug, "label": str(exercise), **totals(result.cells)})
    return found


def trends(selection: Selection) -> dict:
    return {
        "months": by_month(selection),
        "times": by_time(selection),
        "reasons": by_reason(selection),
        "exercises": by_exercise(selection) if not selection.filters.exercise else [],
    }


def series_with_rounds() -> list[Exercise]:
    """First rounds of exercises that have been run more than once."""
    return [e for e in Exercise.objects.filter(first_round=None) if e.later_rounds.exists()]


def compare(first: Exercise, second: Exercise, filters: Filters) -> dict:
    """Two rounds side by side, area by area (every month of each round)."""
    sides = []
    for exercise in (first, second):
        chosen = Selection(filters.replace(exercise=exercise.slug))
        sides.append({row["cell"]: row for row in rows(collection_for(chosen))})
    found = []
    for cell in sorted(set(sides[0]) | set(sides[1])):
        a, b = sides[0].get(cell), sides[1].get(cell)
        share_a = a["unsafe_share"] if a else None
        share_b = b["unsafe_share"] if b else None
        change = None
        if share_a is not None and share_b is not None:
            change = round((share_b - share_a) * 100)
        found.append(
            {
                "cell": cell,
                "place": (a or b)["place"],
                "first": a,
                "second": b,
                "change": change,
            }
        )
    found.sort(key=lambda r: (r["change"] is None, -(r["change"] or 0), r["place"]))
    return {
        "first": first,
        "second": second,
        "rows": found,
        "first_totals": totals(list(sides[0].values())),
        "second_totals": totals(list(sides[1].values())),
    }
