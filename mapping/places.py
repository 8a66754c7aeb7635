"""Names for published cells, from the gazetteer: what people read instead of a hexagon."""

import math

import h3

from places.geo import cell_centre, distance_miles
from places.models import NamedPlace

# Closer than this to a named place, a cell simply takes the place's name.
AT_PLACE_MILES = 0.3
COMPASS = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    x = math.sin(lng2 - lng1) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lng2 - lng1)
    return (math.degrees(math.atan2(x, y)) + 360) % 360


def describe(cell: str, places: list[tuple[str, tuple[float, float]]]) -> tuple[str, str]:
    """(nearest place name, a description of the cell from it)."""
    centre = cell_centre(cell)
    if not places:
        return "Bristol", "An area of Bristol"
    name, position = min(places, key=lambda p: (distance_miles(centre, p[1]), p[0]))
    if h3.get_resolution(cell) < 8:
        return name, f"Wider area around {name}"
    miles = distance_miles(position, centre)
    if miles <= AT_PLACE_MILES:
        return name, name
    direction = COMPASS[round(bearing(position, centre) / 45) % 8]
    return name, f"{miles:.1f} miles {direction} of {name}"


def gazetteer() -> list[tuple[str, tuple[float, float]]]:
    return [(p.name, p.position) for p in NamedPlace.objects.active().order_by("name")]


def cell_names(cells) -> dict[str, tuple[str, str]]:
    places = gazetteer()
    return {cell: describe(cell, places) for cell in cells}
