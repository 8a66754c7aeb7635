"""The shapes published cells leave in: RFC 7946 GeoJSON, table rows, CSV.

All of them come from `releases.published`, so the map, its table twin, the API and the
partnership's exports always show the same cells with the same numbers."""

import csv
import io
import json

import h3

from django.conf import settings

from participation.models import Reason
from places.geo import cell_polygon

from .places import cell_names
from .releases import Published, cached, published
from .scale import BANDS, NEUTRAL_SHARE, band_for, unsafe_share
from .selection import Selection


def reason_labels() -> dict[str, str]:
    return dict(Reason.objects.values_list("slug", "label"))


def count_text(number: int | None) -> str:
    """A sub-count in words: the number, or "fewer than N" when too few people stand behind it."""
    return str(number) if number is not None else f"fewer than {settings.MAP_MIN_CONTRIBUTORS}"


def features(result: Published) -> list[dict]:
    names = cell_names(cell["cell"] for cell in result.cells)
    labels = reason_labels()
    found = []
    for cell in result.cells:
        share = unsafe_share(cell["safe"], cell["unsafe"])
        properties = {
            "cell": cell["cell"],
            "resolution": h3.get_resolution(cell["cell"]),
            "near": names[cell["cell"]][0],
            "place": names[cell["cell"]][1],
            "safe": cell["safe"],
            "unsafe": cell["unsafe"],
            "safe_text": count_text(cell["safe"]),
            "unsafe_text": count_text(cell["unsafe"]),
            "total": cell["total"],
            "unsafe_share": share,
            "band": band_for(share)["key"],
            "reasons": [
                {"slug": slug, "label": labels.get(slug, slug), "count": count}
                for slug, count in cell["reasons"]
            ],
        }
        found.append(
            {
                "type": "Feature",
                "id": cell["cell"],
                "geometry": {"type": "Polygon", "coordinates": [cell_polygon(cell["cell"])]},
                "properties": properties,
            }
        )
    return found


def feature_collection(result: Published) -> dict:
    return {
        "type": "FeatureCollection",
        # Foreign members (RFC 7946, 6.1): what the numbers cover and the rules they follow.
        "from": result.start,
        "to": result.end,
        "filters": result.selection.filters.as_dict(),
        "includes_demo_data": result.includes_demo,
        "min_contributors": settings.MAP_MIN_CONTRIBUTORS,
        "rounding": settings.MAP_COUNT_ROUNDING,
        "features": features(result),
    }


def geojson_bytes(selection: Selection) -> bytes:
    def build():
        collection = feature_collection(published(selection))
        return json.dumps(collection, sort_keys=True, separators=(",", ":")).encode()

    return cached("geojson", selection, build)


def collection_for(selection: Selection) -> dict:
    return json.loads(geojson_bytes(selection))


def rows(collection: dict) -> list[dict]:
    """One row per published cell, for tables: the properties plus the band in words."""
    bands = {band["key"]: band for band in BANDS}
    return [
        {
            **feature["properties"],
            "band_label": bands[feature["properties"]["band"]]["label"],
            "sort_share": sort_share(feature["properties"]),
        }
        for feature in collection["features"]
    ]


def sort_share(row: dict) -> float:
    """The share a row sorts by: a withheld feeling sorts in the neutral middle, with its band,
    neither with the safest nor the least safe cells."""
    return NEUTRAL_SHARE if row["unsafe_share"] is None else row["unsafe_share"]


def default_order(row: dict):
    """Most unsafe-feeling first, then the busiest, then by name."""
    return (-sort_share(row), -row["total"], row["place"])


CSV_COLUMNS = [
    "cell",
    "resolution",
    "place",
    "safe",
    "unsafe",
    "total",
    "unsafe_share",
    "band",
    "reasons",
    "from",
    "to",
    "exercise",
    "feeling",
    "when",
]


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run as a formula is written as text instead."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_text(collection: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    filters = collection["filters"]
    for row in rows(collection):
        reasons = "; ".join(f"{r['label']} ({r['count']})" for r in row["reasons"])
        values = {
            **row,
            "reasons": reasons,
            "from": collection["from"],
            "to": collection["to"],
            **filters,
        }
        writer.writerow([spreadsheet_safe(values[column]) for column in CSV_COLUMNS])
    return out.getvalue()
