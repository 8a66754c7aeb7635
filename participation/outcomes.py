"""The one door into "You said, we did" for an app that may not read participation otherwise:
places of concern publish a completed safety-plan action here, in the words a coordinator wrote
for young people (the import contracts in pyproject.toml allow this module and no other).

It adds an outcome and nothing more: what went into the words, and who agreed to them, stays
with the app that calls it."""

from places.models import NamedPlace

from .models import Outcome
from .models.proposals import Area

AREA_CHOICES = Area.choices


def area_of(place: NamedPlace | None) -> str:
    """The part of the city a named place belongs to, as "You said, we did" groups outcomes."""
    return Area.of_place(place) if place is not None else Area.CITY


def add_outcome(*, area: str, you_said: str, we_did: str) -> int:
    """A live outcome for `area`; returns its id."""
    if area not in Area.values:
        raise ValueError(f"Unknown area {area!r}.")
    return Outcome.objects.create(area=area, you_said=you_said, we_did=we_did).pk
