"""The partnership's figures of the asset map made with young people: per part of the city and
per month, suggestions received and published, and services with a published young people's
view and how those changed; and the published unsafe areas with no service young people
recommend nearby.

Suggestion counts are withheld below MAP_MIN_CONTRIBUTORS different contributors and rounded to
MAP_COUNT_ROUNDING, as the community map's cells are (mapping/aggregation.py). View figures come
from published states only (PublishedViewState), each already past SERVICE_VIEW_MIN_CONTRIBUTORS."""

import csv
import io
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from mapping import exports
from mapping.gaps import nearest
from mapping.models import ExportFormat
from mapping.outputs import collection_for, rows
from mapping.scale import leans_unsafe
from mapping.selection import Selection
from mapping.summary import LEANS_UNSAFE
from participation.outcomes import AREA_CHOICES, area_of
from places.geo import cell_centre, distance_miles
from places.models import NamedPlace
from services_directory.queries import public_points

from .models import PublishedViewState, Suggestion

WITHHELD = None
COLUMNS = [
    "month",
    "area",
    "suggestions_received",
    "suggestions_published",
    "services_with_view",
    "views_changed",
]


def _shown(count: int, contributors: int):
    if contributors < settings.MAP_MIN_CONTRIBUTORS:
        return WITHHELD
    step = settings.MAP_COUNT_ROUNDING
    return step * round(count / step)


def _area_of_position(places, lat, lng) -> str:
    home = min(places, key=lambda p: distance_miles((lat, lng), p.position), default=None)
    return area_of(home)


def _service_areas(places) -> dict[str, str]:
    """Each published service's part of the city, by its first public site."""
    areas = {}
    for point in public_points():
        areas.setdefault(point["service_id"], _area_of_position(places, point["lat"], point["lng"]))
    return areas


def monthly_rows() -> list[dict]:
    places = list(NamedPlace.objects.active())
    received = defaultdict(set)  # (month, area) -> contributors
    published = defaultdict(set)
    counts = defaultdict(lambda: [0, 0])
    suggestions = Suggestion.objects.filter(is_demo=False).select_related("place", "draft")
    for s in suggestions:
        if s.place_id:
            area = area_of(s.place)
        elif s.lat is not None:
            area = _area_of_position(places, s.lat, s.lng)
        else:
            area = area_of(None)
        key = (timezone.localtime(s.created_at).strftime("%Y-%m"), area)
        received[key].add(s.contributor)
        counts[key][0] += 1
        if s.draft_id and s.draft.live:
            published[key].add(s.contributor)
            counts[key][1] += 1
    service_areas = _service_areas(places)
    with_view = defaultdict(set)
    changed = defaultdict(set)
    last = {}
    for state in PublishedViewState.objects.order_by("published_at"):
        area = service_areas.get(str(state.service_id))
        if area is None:  # no longer published, or confidential
            continue
        key = (timezone.localtime(state.published_at).strftime("%Y-%m"), area)
        if state.counts:
            with_view[key].add(state.service_id)
        if state.service_id in last and last[state.service_id] != state.counts:
            changed[key].add(state.service_id)
        last[state.service_id] = state.counts
    labels = dict(AREA_CHOICES)
    keys = sorted(set(counts) | set(with_view) | set(changed))
    return [
        {
            "month": month,
            "area": labels.get(area, area),
            "suggestions_received": _shown(counts[(month, area)][0], len(received[(month, area)])),
            "suggestions_published": _shown(
                counts[(month, area)][1], len(published[(month, area)])
            ),
            "services_with_view": len(with_view[(month, area)]),
            "views_changed": len(changed[(month, area)]),
        }
        for month, area in keys
    ]


def recommended(counts: dict) -> bool:
    """A shown view in which at least SERVICE_VIEW_RECOMMENDED_SHARE of the people said yes."""
    people = counts.get("people") or 0
    return bool(people) and counts.get("yes", 0) >= settings.SERVICE_VIEW_RECOMMENDED_SHARE * people


def unrecommended_gaps(selection: Selection, miles: float) -> list[dict]:
    """Published unsafe-feeling areas with no service young people recommend within `miles`."""
    from .models import ServiceViewPublication

    liked = {
        str(p.service_id)
        for p in ServiceViewPublication.objects.exclude(counts={})
        if recommended(p.counts)
    }
    points = [p for p in public_points() if p["service_id"] in liked]
    found = []
    for row in rows(collection_for(selection)):
        if not leans_unsafe(row, LEANS_UNSAFE):
            continue
        closest, closest_miles = nearest(points, cell_centre(row["cell"]))
        if closest_miles is not None and closest_miles <= miles:
            continue
        found.append({**row, "nearest_recommended": closest, "nearest_miles": closest_miles})
    found.sort(key=lambda g: (-(g["unsafe"] or 0), g["place"]))
    return found


def gaps_section(request, selection: Selection, miles: float) -> dict:
    """The provision-gap view's extra section (mapping/extensions.py)."""
    return {
        "template": "coproduction/admin/gaps_recommended.html",
        "recommended_gaps": unrecommended_gaps(selection, miles),
        "recommended_share": settings.SERVICE_VIEW_RECOMMENDED_SHARE,
    }


def csv_text(table: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in table:
        writer.writerow({k: ("withheld" if v is WITHHELD else v) for k, v in row.items()})
    return out.getvalue()


@transaction.atomic
def export(user) -> HttpResponse:
    """The CSV, recorded in the community map's export audit in the same transaction."""
    table = monthly_rows()
    exports.record(user, ExportFormat.ASSET_MAP, Selection(), len(table))
    response = HttpResponse(csv_text(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="asset-map-figures.csv"'
    response["Cache-Control"] = "no-store"
    return response
