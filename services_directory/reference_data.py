"""The directory's reference data: the vocabularies and the gazetteer that its migrations seed.
Production needs them; the demo content (the demo app) builds on them."""

from places.gazetteer import PLACES as PLACES_OF_BRISTOL
from places.models import NamedPlace

from .models import Taxonomy, TaxonomyTerm
from .vocabulary import seed_vocabularies


def ensure_reference_data() -> None:
    """The vocabularies and the gazetteer that migrations seed, recreated if a flush (a
    transactional test, a database reset) removed them. Creates only what is missing."""
    seed_vocabularies(Taxonomy, TaxonomyTerm)
    for slug, name, kind, area, aliases, lat, lng in PLACES_OF_BRISTOL:
        NamedPlace.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "area": area,
                "aliases": aliases,
                "lat": lat,
                "lng": lng,
            },
        )
