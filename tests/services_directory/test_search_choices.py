"""The directory search form's choices kept between requests (services_directory/search_choices.py):
read once, and forgotten as soon as a manager saves a term or a place."""

import pytest

from django.core.cache import cache

from services_directory.models import NEEDS, TaxonomyTerm
from services_directory.search_choices import search_choices


@pytest.fixture(autouse=True)
def lookups_kept(settings):
    settings.PAGE_LOOKUP_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_search_choices_are_read_once(db, django_assert_num_queries):
    needs, _audiences, places = search_choices()
    assert needs and places
    with django_assert_num_queries(0):
        assert search_choices()[0] == needs


def test_saving_a_place_or_a_term_changes_the_choices_at_once(
    db, django_capture_on_commit_callbacks
):
    _needs, _audiences, places = search_choices()
    place = places[0]
    place.name = "Renamed place"
    with django_capture_on_commit_callbacks(execute=True):
        place.save()
    assert "Renamed place" in [p.name for p in search_choices()[2]]
    term = TaxonomyTerm.objects.of(NEEDS).order_by("order").first()
    term.name = "Renamed need"
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    assert (term.slug, "Renamed need") in search_choices()[0]
