"""The area a mapping exercise covers: a GeoJSON polygon drawn by staff and/or named places.

Geometry with shapely (no GDAL). Stored as an RFC 7946 geometry ([lng, lat] pairs); a pin is
inside when the polygon covers its position, when it was placed at one of the listed places, or
when it lies within PLACE_RADIUS_METRES of one (a named place stands for an area, not a point)."""

import json
from functools import lru_cache

import shapely
from shapely.geometry import Point, shape
from shapely.validation import explain_validity

from django.core.exceptions import ValidationError

from places.geo import BRISTOL_BOUNDS, distance_miles

# A park, a station or a high street reaches a few hundred metres around its gazetteer point.
PLACE_RADIUS_METRES = 400
METRES_PER_MILE = 1609.344
ALLOWED_TYPES = ("Polygon", "MultiPolygon")
MAX_VERTICES = 2000


def _loads(value):
    if isinstance(value, str) and value.strip():
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"The area is not valid GeoJSON: {exc.msg}.") from exc
    return value


def clean_area(value) -> dict | None:
    """A drawn area as a GeoJSON geometry (a Feature is unwrapped), or None when empty.

    Raises ValidationError with a message staff can act on."""
    value = _loads(value)
    if value is None or (isinstance(value, (str, dict)) and not value):
        return None
    value = _polygon_geometry(value)
    try:
        geometry = shape(value)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        raise ValidationError("The area's coordinates are not a polygon.") from exc
    _check_outline(geometry)
    west, south, east, north = geometry.bounds
    b = BRISTOL_BOUNDS
    if south < b["south"] or north > b["north"] or west < b["west"] or east > b["east"]:
        raise ValidationError("The area must lie within Bristol.")
    return {"type": geometry.geom_type, "coordinates": _rounded(value["coordinates"])}


def _polygon_geometry(value) -> dict:
    """The GeoJSON geometry inside a value, if it is a polygon or a multipolygon."""
    if not isinstance(value, dict):
        raise ValidationError("The area must be a GeoJSON polygon.")
    if value.get("type") == "Feature":
        value = value.get("geometry") or {}
    if value.get("type") == "FeatureCollection":
        raise ValidationError("Draw one area (a polygon, or several as a multipolygon).")
    if value.get("type") not in ALLOWED_TYPES:
        raise ValidationError("The area must be a polygon: draw it on the map.")
    return value


def _check_outline(geometry) -> None:
    """An outline with corners, a bounded number of them, not crossing itself, and some area."""
    empty = ValidationError("The area is empty: draw at least three corners.")
    if geometry.is_empty:
        raise empty
    if shapely.get_num_coordinates(geometry) > MAX_VERTICES:
        raise ValidationError(f"The area has too many corners (more than {MAX_VERTICES}).")
    polygons = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
    if any(len(set(polygon.exterior.coords)) < 3 for polygon in polygons):
        raise empty
    if not geometry.is_valid:
        reason = explain_validity(geometry)
        problem = "crosses itself" if "intersection" in reason.lower() else "is not valid"
        raise ValidationError(f"The area's outline {problem} ({reason}). Redraw it.")
    if geometry.area == 0:
        raise empty


def _rounded(coordinates):
    if isinstance(coordinates, (int, float)):
        return round(float(coordinates), 6)
    return [_rounded(part) for part in coordinates]


@lru_cache(maxsize=256)
def _geometry(text: str):
    return shape(json.loads(text))


def covers(area: dict | None, lat: float, lng: float) -> bool:
    """Whether the drawn area covers the position (its edge counts as inside)."""
    if not area:
        return False
    return _geometry(json.dumps(area, sort_keys=True)).covers(Point(lng, lat))


def centre_of(area: dict) -> tuple[float, float]:
    """A point inside the area (its centroid when that lies inside), as (lat, lng)."""
    geometry = _geometry(json.dumps(area, sort_keys=True))
    point = (
        geometry.centroid
        if geometry.contains(geometry.centroid)
        else geometry.representative_point()
    )
    return round(point.y, 6), round(point.x, 6)


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_miles(a, b) * METRES_PER_MILE


def near_any(places, lat: float, lng: float, radius: float = PLACE_RADIUS_METRES) -> bool:
    return any(metres_between((place.lat, place.lng), (lat, lng)) <= radius for place in places)
