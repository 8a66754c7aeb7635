"""The problem profile: reports about places counted by place, month, kind of place and what is
happening, for the coordinators and their exports (CSV and GeoJSON). Counts only: no report's
words, no reporter, no position finer than the named place a report was linked to.

The counting is a GROUP BY in the database, over the reports' month column and their category
rows (ConcernReport.month, ReportCategory), so a page of the table and the map cost the same few
queries whatever the number of reports. Labels are given in SQL too, so the table is ordered and
paged by the database exactly as the CSV lists it."""

import csv
import io
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, Max, QuerySet, Value, When
from django.db.models.functions import Coalesce

from .choices import REPORT_CATEGORY_LABELS, PlaceType
from .models import ConcernReport, ReportCategory

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


def _label(field: str, labels: dict, default) -> Case:
    return Case(
        *(When(**{field: slug}, then=Value(label)) for slug, label in labels.items()),
        default=default,
        output_field=CharField(),
    )


def table() -> QuerySet:
    """One row per place, month, kind of place and category (a report in two categories counts
    in both; one in none counts under "Not given"), the latest month first, then the biggest
    count, then by name. A queryset of dicts, to page; `as_row` makes each a Row."""
    return (
        ConcernReport.objects.annotate(
            category=F("category_rows__category"),  # LEFT JOIN: a report with none is kept
            place_label=Coalesce("named_place__name", Value(NOT_NAMED)),
            area_label=Coalesce("named_place__area", Value("")),
            kind=_label("place_type", dict(PlaceType.choices), F("place_type")),
            happening=_label("category", REPORT_CATEGORY_LABELS, Value(NO_CATEGORY)),
        )
        .values("place_label", "area_label", "month", "kind", "happening")
        .annotate(reports=Count("pk"))
        .order_by("-month", "-reports", "place_label", "area_label", "kind", "happening")
    )


def as_row(values: dict) -> Row:
    return Row(
        place=values["place_label"],
        area=values["area_label"],
        month=f"{values['month']:%Y-%m}",
        kind_of_place=values["kind"],
        what_is_happening=values["happening"],
        reports=values["reports"],
    )


def rows() -> list[Row]:
    """The whole table (the CSV export), in the page's order."""
    return [as_row(values) for values in table().iterator()]


def places_geojson() -> dict:
    """A point per named place with reports: its total and its counts by category. Two grouped
    queries, as many rows as places (and places x categories)."""
    places = {
        total["named_place__name"]: total
        for total in ConcernReport.objects.filter(named_place__isnull=False)
        .values("named_place__name")
        .annotate(
            reports=Count("pk"),
            lat=Max("named_place__lat"),
            lng=Max("named_place__lng"),
            area=Max("named_place__area"),
        )
        .order_by()
    }
    by_category = {name: {} for name in places}
    for count in (
        ReportCategory.objects.filter(report__named_place__isnull=False)
        .values("report__named_place__name", "category")
        .annotate(reports=Count("pk"))
        .order_by("report__named_place__name", "-reports", "category")
    ):
        label = REPORT_CATEGORY_LABELS.get(count["category"], count["category"])
        by_category[count["report__named_place__name"]][label] = count["reports"]
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place["lng"], place["lat"]]},
                "properties": {
                    "place": name,
                    "area": place["area"] or "",
                    "reports": place["reports"],
                    "by_category": by_category[name],
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
