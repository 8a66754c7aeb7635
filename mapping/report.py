"""The printable A4 report of one exercise or one month: summary, a map drawn as SVG on the server
(prints without JavaScript or map tiles), the table of areas and the trends, from releases only."""

import math

from workshops.models import Exercise

from .outputs import collection_for, default_order, rows
from .partnership import by_reason, by_time, totals
from .scale import BANDS
from .selection import Filters, Selection, month_label
from .summary import summarise

MAP_WIDTH = 640


def svg_map(collection: dict, width: int = MAP_WIDTH) -> dict:
    """Hexagons projected to SVG coordinates (equirectangular, scaled for Bristol's latitude)."""
    rings = [f["geometry"]["coordinates"][0] for f in collection["features"]]
    if not rings:
        return {"viewbox": f"0 0 {width} 10", "hexagons": []}
    lngs = [p[0] for ring in rings for p in ring]
    lats = [p[1] for ring in rings for p in ring]
    west, east, south, north = min(lngs), max(lngs), min(lats), max(lats)
    x_scale = math.cos(math.radians((north + south) / 2))
    span_x = max((east - west) * x_scale, 1e-6)
    span_y = max(north - south, 1e-6)
    scale = (width - 20) / span_x
    height = round(span_y * scale) + 20

    def point(lng, lat):
        return f"{10 + (lng - west) * x_scale * scale:.1f},{10 + (north - lat) * scale:.1f}"

    hexagons = []
    # Coarse (resolution 7) areas first, so the finer ones are drawn over them.
    for feature in sorted(collection["features"], key=lambda f: f["properties"]["resolution"]):
        ring = feature["geometry"]["coordinates"][0]
        props = feature["properties"]
        hexagons.append(
            {
                "d": "M" + " L".join(point(lng, lat) for lng, lat in ring) + " Z",
                "band": props["band"],
                "place": props["place"],
                "coarse": props["resolution"] < 8,
            }
        )
    return {"viewbox": f"0 0 {width} {height}", "hexagons": hexagons}


def report_context(exercise: Exercise | None, month: str) -> dict:
    filters = Filters(exercise=exercise.slug if exercise else "")
    selection = Selection(filters, month, month) if month else Selection(filters)
    collection = collection_for(selection)
    table = sorted(rows(collection), key=default_order)
    if exercise and month:
        title = f"{exercise}: {month_label(month)}"
    elif exercise:
        title = str(exercise)
    else:
        title = month_label(month)
    return {
        "title": title,
        "exercise": exercise,
        "month": month,
        "selection": selection,
        "collection": collection,
        "rows": table,
        "totals": totals(table),
        "summary": summarise(selection, collection),
        "map": svg_map(collection),
        "bands": BANDS,
        "times": by_time(selection),
        "reasons": by_reason(selection),
    }
