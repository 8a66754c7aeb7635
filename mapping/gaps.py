"""Provision gaps: published areas that feel unsafe with no youth provision within a set distance,
each with the ideas young people proposed nearby.

Unsafe areas come from the published cells (never from pins); provision from the directory's
public positions of youth provision; ideas from published proposals only, in their moderated
words."""

from django.urls import reverse

from participation.models import Proposal
from participation.models.proposals import Area
from places.geo import cell_centre, distance_miles
from places.models import NamedPlace
from services_directory.queries import youth_provision_points

from .outputs import collection_for, rows
from .scale import leans_unsafe
from .selection import Selection
from .summary import LEANS_UNSAFE

DEFAULT_MILES = 0.5
# Ideas this close to an area (by their named place) count as proposed "nearby".
IDEAS_MILES = 1.0


def nearest(points: list[dict], centre: tuple[float, float]) -> tuple[dict | None, float | None]:
    best, best_miles = None, None
    for point in points:
        miles = distance_miles(centre, (point["lat"], point["lng"]))
        if best_miles is None or miles < best_miles:
            best, best_miles = point, miles
    return best, best_miles


def ideas_near(centre, area: str, proposals: list[Proposal]) -> list[dict]:
    """Published ideas whose place is within IDEAS_MILES, or (without a place) for the part of
    the city the area is in."""
    found = []
    for proposal in proposals:
        if proposal.place_id:
            miles = distance_miles(centre, proposal.place.position)
            if miles > IDEAS_MILES:
                continue
        elif proposal.area != area:
            continue
        else:
            miles = None
        title, _ = proposal.public_words()
        found.append(
            {
                "id": str(proposal.pk),
                "title": title or proposal.get_what_display(),
                "what": proposal.get_what_display(),
                "where": proposal.where_label,
                "miles": miles,
                "support": proposal.support_count,
                "url": reverse("participation:ideas") + f"#idea-{proposal.pk}",
            }
        )
    found.sort(key=lambda idea: (-idea["support"], idea["miles"] is None, idea["miles"] or 0))
    return found


def provision_gaps(selection: Selection, miles: float = DEFAULT_MILES) -> list[dict]:
    provision = youth_provision_points()
    places = list(NamedPlace.objects.active())
    proposals = list(
        Proposal.objects.published().with_support().select_related("place", "moderation")
    )
    gaps = []
    for row in rows(collection_for(selection)):
        if not leans_unsafe(row, LEANS_UNSAFE):
            continue
        centre = cell_centre(row["cell"])
        closest, closest_miles = nearest(provision, centre)
        if closest_miles is not None and closest_miles <= miles:
            continue
        home = min(places, key=lambda p: distance_miles(centre, p.position), default=None)
        area = Area.of_place(home) if home else Area.CITY
        gaps.append(
            {
                **row,
                "area": area,
                "nearest_provision": closest,
                "nearest_miles": closest_miles,
                "ideas": ideas_near(centre, area, proposals),
            }
        )
    gaps.sort(key=lambda g: (-(g["unsafe"] or 0), -(g["unsafe_share"] or 0), g["place"]))
    return gaps
