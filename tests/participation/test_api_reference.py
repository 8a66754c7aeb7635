"""GET /api/v1/places and /api/v1/reasons: what a map position can be named by, and why."""

import pytest

from participation.models import Reason
from places.models import NamedPlace

pytestmark = pytest.mark.django_db


def test_the_gazetteer_offers_at_least_60_bristol_places_of_every_kind(client):
    places = client.get("/api/v1/places").json()
    assert len(places) >= 60
    assert {place["kind"] for place in places} == {
        "neighbourhood",
        "park",
        "station",
        "shopping",
        "landmark",
    }
    assert set(places[0]) == {"slug", "name", "kind", "area", "lat", "lng"}


def test_places_are_found_by_name_alias_or_area(client):
    by_alias = [p["slug"] for p in client.get("/api/v1/places?q=bemmie").json()]
    assert by_alias == ["bedminster"]
    by_name = [p["slug"] for p in client.get("/api/v1/places?q=Temple").json()]
    assert "temple-meads" in by_name
    NamedPlace.objects.filter(slug="bedminster").update(active=False)
    assert client.get("/api/v1/places?q=bemmie").json() == []


def test_reasons_say_which_feeling_they_belong_to(client):
    reasons = client.get("/api/v1/reasons").json()
    feelings = {reason["slug"]: reason["feeling"] for reason in reasons}
    assert feelings["poor-lighting"] == "unsafe" and feelings["friends"] == "safe"
    Reason.objects.filter(slug="friends").update(active=False)
    assert "friends" not in {r["slug"] for r in client.get("/api/v1/reasons").json()}
