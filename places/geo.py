"""Geography without GDAL: H3 cell ids computed on write, great-circle distances, Bristol's bounds.

Every stored position carries its H3 cells at resolutions 7, 8 and 9 so aggregation is a plain
indexed GROUP BY on SQLite and PostgreSQL alike."""

import math
from dataclasses import dataclass

import h3

RESOLUTIONS = (7, 8, 9)
EARTH_RADIUS_MILES = 3958.8

# A generous box around the City of Bristol and its edges (Avonmouth to Hanham, Cribbs to
# Whitchurch): positions outside it are not about Bristol and are refused.
BRISTOL_BOUNDS = {"south": 51.38, "north": 51.56, "west": -2.75, "east": -2.45}
BRISTOL_CENTRE = (51.4545, -2.5879)


def cells_for(lat: float, lng: float) -> dict[str, str]:
    """The H3 cell ids of a position, keyed as the model fields that store them."""
    return {f"h3_r{res}": h3.latlng_to_cell(lat, lng, res) for res in RESOLUTIONS}


def cell_centre(cell: str) -> tuple[float, float]:
    lat, lng = h3.cell_to_latlng(cell)
    return round(lat, 6), round(lng, 6)


def cell_polygon(cell: str) -> list[list[float]]:
    """An RFC 7946 linear ring: [lng, lat] pairs, closed (first point repeated last)."""
    ring = [[round(lng, 6), round(lat, 6)] for lat, lng in h3.cell_to_boundary(cell)]
    ring.append(ring[0])
    return ring


def in_bristol(lat: float, lng: float) -> bool:
    b = BRISTOL_BOUNDS
    return b["south"] <= lat <= b["north"] and b["west"] <= lng <= b["east"]


def distance_miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class BoundingBox:
    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, lat: float, lng: float, miles: float) -> "BoundingBox":
        """A box that contains the circle of `miles` around a point: a cheap indexed prefilter
        before the exact distance."""
        dlat = miles / 69.0
        dlng = miles / (69.0 * max(math.cos(math.radians(lat)), 0.01))
        return cls(lat - dlat, lng - dlng, lat + dlat, lng + dlng)
