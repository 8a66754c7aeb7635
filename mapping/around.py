"""The community map around one place, as published: the door for an app that may read nothing
else of mapping (places of concern's assessments; see the import contracts in pyproject.toml).

Everything here comes from the published releases (outputs.py) and the provision-gap view
(gaps.py), the same cells and numbers the public map shows: never a pin, never a month not yet
released, never a cell below the contributor threshold."""

from places.geo import cell_centre, distance_miles

from .gaps import provision_gaps
from .outputs import collection_for, rows
from .selection import Selection


def cells_around(position: tuple[float, float], miles: float) -> list[dict]:
    """The published cells (all released months) whose centre is within `miles`, nearest first,
    each with its distance in miles."""
    found = []
    for row in rows(collection_for(Selection())):
        away = distance_miles(position, cell_centre(row["cell"]))
        if away <= miles:
            found.append({**row, "miles": away})
    found.sort(key=lambda row: (row["miles"], row["cell"]))
    return found


def gaps_in_area(area: str) -> list[dict]:
    """The provision gaps (all released months) in one part of the city."""
    return [gap for gap in provision_gaps(Selection()) if gap["area"] == area]
