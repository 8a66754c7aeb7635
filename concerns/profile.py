"""The problem profile: reports about places counted by place, month, kind of place and what is
happening, for the coordinators and their exports (CSV and GeoJSON). Counts only: no report's
words, no reporter, no position finer than the named place a report was linked to."""

import csv
import io
from collections import Counter
from dataclasses import dataclass

from django.db.models.functions import TruncMonth

from .choices import REPORT_CATEGORY_LABELS, PlaceType
from .models import ConcernReport

NOT_NAMED = "Not a named place"
NO_CATEGORY = "Not given"
CSV_COLUMNS = ["place", "area", "month", "kind_of_place", "what_is_happening", "reports"]


@dataclass(frozen=True)
class Row:
    place: str
    area: str
    month: str
    kind_of_place: str
    what_is_happening: str
    reports: int


def _values():
    return (
        ConcernReport.objects.annotate(month=TruncMonth("created_at"))
        .values_list(
            "named_place__name",
            "named_place__area",
            "named_place__lat",
            "named_place__lng",
            "month",
            "place_type",
            "categories",
        )
        .order_by()
    )


def rows() -> list[Row]:
    """One row per place, month, kind of place and category (a report in two categories counts
    in both), biggest first."""
    counts: Counter = Counter()
    kinds = dict(PlaceType.choices)
    for name, area, _lat, _lng, month, place_type, categories in _values().iterator():
        for category in categories or [None]:
            key = (
                name or NOT_NAMED,
                area or "",
                f"{month:%Y-%m}",
                kinds.get(place_type, place_type),
                REPORT_CATEGORY_LABELS.get(category, NO_CATEGORY),
            )
            counts[key] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ordered.sort(key=lambda item: item[0][2], reverse=True)  # the latest month first, stable
    return [Row(*key, reports=count) for key, count in ordered]


def places_geojson() -> dict:
    """A point per named place with reports: its total and its counts by category."""
    places: dict[str, dict] = {}
    for name, area, lat, lng, _month, _type, categories in _values().iterator():
        if name is None:
            continue
        place = places.setdefault(
            name, {"lat": lat, "lng": lng, "area": area or "", "reports": 0, "by": Counter()}
        )
        place["reports"] += 1
        for category in categories or []:
            place["by"][REPORT_CATEGORY_LABELS.get(category, category)] += 1
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place["lng"], place["lat"]]},
                "properties": {
                    "place": name,
                    "area": place["area"],
                    "reports": place["reports"],
                    "by_category": dict(place["by"]),
                },
            }
            for name, place in sorted(places.items())
        ],
    }


def as_csv(table: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in table:
        writer.writerow([_safe(getattr(row, column)) for column in CSV_COLUMNS])
    return out.getvalue()


def _safe(value):
    # A cell a spreadsheet would run as a formula is written as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
