"""Places and crowds for the map's tests: positions inside known H3 cells, and N distinct people."""

import h3

from tests.mapping.factories import CENTRE, contributor

PARENT = h3.latlng_to_cell(*CENTRE, 7)
# The seven resolution-8 cells under one resolution-7 cell, and a position inside each.
CHILDREN = sorted(h3.cell_to_children(PARENT, 8))
SPOTS = [h3.cell_to_latlng(cell) for cell in CHILDREN]
# A resolution-7 cell away from the first, for a second area.
FAR_PARENT = h3.latlng_to_cell(51.4800, -2.5270, 7)
FAR_SPOT = h3.cell_to_latlng(sorted(h3.cell_to_children(FAR_PARENT, 8))[0])


def crowd(people: int, spot=SPOTS[0], first: int = 0, **fields) -> list[dict]:
    """Specs for bulk_pins: one pin from each of `people` distinct contributors at `spot`."""
    lat, lng = spot
    return [
        {"lat": lat, "lng": lng, "contributor": contributor(first + n), **fields}
        for n in range(people)
    ]
