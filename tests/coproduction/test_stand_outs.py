"""The list of what can stand out is read once and kept (coproduction/stand_outs.py), and a
Directory manager's edit shows at once on every service page."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduction import stand_outs
from coproduction.models import StandOut
from tests.coproduction.factories import default_stand_outs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def kept(settings):
    settings.PAGE_LOOKUP_SECONDS = 300
    default_stand_outs()
    cache.clear()
    yield
    cache.clear()


def test_read_once_then_kept():
    first = stand_outs.active()
    with CaptureQueriesContext(connection) as queries:
        assert stand_outs.active() == first
        stand_outs.labels()
    assert len(queries) == 0


def test_an_edit_shows_at_once():
    before = stand_outs.active()
    item = StandOut.objects.get(slug=before[0].slug)
    item.label = "Felt welcome"
    item.save()
    assert stand_outs.active()[0].label == "Felt welcome"
    item.active = False
    item.save()
    assert item.slug not in [i.slug for i in stand_outs.active()]
    # A published view may still count it: its label stays known.
    assert stand_outs.labels()[item.slug] == "Felt welcome"
    item.delete()
    assert item.slug not in stand_outs.labels()


def test_in_the_staff_order():
    assert [i.slug for i in stand_outs.active()] == list(
        StandOut.objects.filter(active=True).values_list("slug", flat=True)
    )


def test_not_kept_when_lookups_are_off(settings):
    settings.PAGE_LOOKUP_SECONDS = 0
    stand_outs.active()
    with CaptureQueriesContext(connection) as queries:
        stand_outs.active()
    assert len(queries) == 1
