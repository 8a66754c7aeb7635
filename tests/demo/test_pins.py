"""Demo pins: synthetic, approved, labelled, idempotent, and gone with one command."""

import io

import pytest

from django.core.management import call_command

from demo import pins as demo
from mapping.models import Release
from mapping.selection import last_released_month
from moderation.models import ModerationItem
from participation.models import Pin
from places.geo import in_bristol
from tests.mapping.factories import bulk_pins
from tests.mapping.helpers import crowd

pytestmark = pytest.mark.django_db


def test_the_demo_is_many_people_across_bristol_and_loads_once(client):
    messages = []
    demo.seed(messages.append)
    pins = Pin.objects.filter(is_demo=True)
    count = pins.count()
    assert count > 1500
    assert pins.published().count() == count
    assert pins.order_by().values("contributor").distinct().count() > 400
    assert pins.filter(reasons__isnull=False).exists()
    assert all(in_bristol(lat, lng) for lat, lng in pins.values_list("lat", "lng"))
    assert max(pins.values_list("period", flat=True)) == last_released_month()
    assert not pins.exclude(comment="").exists()  # no words: nothing to moderate or leak
    demo.seed(messages.append)
    assert pins.count() == count
    assert messages[-1] == "Community map: demo pins already there"
    collection = client.get("/api/v1/community-map.geojson").json()
    assert len(collection["features"]) >= 10
    assert collection["includes_demo_data"] is True


def test_remove_demo_pins_takes_the_demo_and_its_releases_away(client):
    demo.seed(lambda message: None)
    bulk_pins(crowd(8))  # a real area, in March 2025
    client.get("/api/v1/community-map.geojson")  # builds (and freezes) releases
    assert Release.objects.filter(includes_demo=True).exists()
    out = io.StringIO()
    call_command("remove_demo_pins", stdout=out)
    assert "demo pins" in out.getvalue()
    assert not Pin.objects.filter(is_demo=True).exists()
    assert ModerationItem.objects.count() == Pin.objects.count() == 8
    assert not Release.objects.filter(includes_demo=True).exists()
    collection = client.get("/api/v1/community-map.geojson").json()
    assert collection["includes_demo_data"] is False
    assert len(collection["features"]) == 1
