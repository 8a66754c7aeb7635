"""GET /api/v1/community-map.geojson: RFC 7946 structure, filters, whole months, errors."""

import io
import json
import os
from pathlib import Path

import h3
import pytest
from shapely.geometry import LinearRing

from django.conf import settings
from django.utils import timezone

from mapping.selection import last_released_month, months_between
from tests.mapping.conftest import use_fresh_cache
from tests.mapping.factories import ExerciseFactory, ReasonFactory, bulk_pins
from tests.mapping.helpers import CHILDREN, FAR_SPOT, SPOTS, crowd

pytestmark = pytest.mark.django_db

URL = "/api/v1/community-map.geojson"
SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi_community_map.json"


def get(client, **params):
    return client.get(URL, params)


def cells(response) -> dict[str, dict]:
    assert response.status_code == 200, response.content
    return {f["properties"]["cell"]: f["properties"] for f in response.json()["features"]}


def test_answers_an_rfc_7946_feature_collection(client):
    bulk_pins(crowd(9, reasons=[ReasonFactory(slug="dark")]) + crowd(8, FAR_SPOT, first=50))
    response = get(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946 dropped it: WGS 84 longitude, latitude always
    assert len(collection["features"]) == 2
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert {"cell", "safe", "unsafe", "total"} <= set(feature["properties"])
        geometry = feature["geometry"]
        assert geometry["type"] == "Polygon"
        (ring,) = geometry["coordinates"]
        assert len(ring) >= 4 and ring[0] == ring[-1]  # a closed linear ring
        assert LinearRing(ring).is_ccw  # exterior rings follow the right-hand rule
        for lng, lat in ring:  # longitude first: Bristol is west of Greenwich
            assert -2.8 < lng < -2.4 and 51.3 < lat < 51.6
        vertices = {
            (round(lng, 6), round(lat, 6)) for lat, lng in h3.cell_to_boundary(feature["id"])
        }
        assert {tuple(p) for p in ring} == vertices


def test_properties_are_rounded_people_counts_and_named_places(client):
    bulk_pins(crowd(6, feeling="safe") + crowd(6, first=10, feeling="unsafe"))
    (props,) = cells(get(client)).values()
    # Six of each: too few to publish either feeling (before: published as 5 and 5).
    assert (props["safe"], props["unsafe"], props["total"]) == (None, None, 10)
    assert (props["safe_text"], props["unsafe_text"]) == ("fewer than 8", "fewer than 8")
    assert props["resolution"] == 8
    assert props["place"] and props["near"]
    assert props["unsafe_share"] is None  # no share from feelings too few to publish


def test_sparse_areas_come_as_resolution_7_hexagons(client):
    bulk_pins(
        crowd(4, FAR_SPOT)
        + crowd(4, FAR_SPOT, first=10, period="2025-04")
        + crowd(4, SPOTS[0], first=20)
        + crowd(4, SPOTS[1], first=30)
    )
    # Far away, 4 people in March and 4 in April: never pooled across months, so not shown.
    (props,) = cells(get(client)).values()
    assert props["resolution"] == 7 and props["place"].startswith("Wider area around")


def test_filters_by_exercise_feeling_and_time_of_day(client):
    autumn = ExerciseFactory(slug="autumn-round")
    ExerciseFactory(slug="spring-round")
    bulk_pins(
        crowd(8, exercise=autumn, feeling="unsafe", when="evening")
        + crowd(8, SPOTS[1], first=20, feeling="safe", when="after-school")
    )
    assert set(cells(get(client))) == {CHILDREN[0], CHILDREN[1]}
    assert set(cells(get(client, exercise="autumn-round"))) == {CHILDREN[0]}
    assert cells(get(client, exercise="spring-round")) == {}
    assert set(cells(get(client, feeling="safe"))) == {CHILDREN[1]}
    assert set(cells(get(client, when="evening"))) == {CHILDREN[0]}
    assert cells(get(client, when="night")) == {}
    collection = get(client, feeling="unsafe", when="evening").json()
    assert collection["filters"] == {"exercise": "", "feeling": "unsafe", "when": "evening"}


def test_months_are_whole_and_added_up(client):
    bulk_pins(
        crowd(8, period="2025-02")
        + crowd(8, first=100, period="2025-03")
        + crowd(8, first=200, period="2025-04")
    )
    march = get(client, **{"from": "2025-03", "to": "2025-03"}).json()
    assert (march["from"], march["to"]) == ("2025-03", "2025-03")
    assert march["features"][0]["properties"]["total"] == 10
    spring = get(client, **{"from": "2025-02", "to": "2025-04"}).json()
    assert spring["features"][0]["properties"]["total"] == 30
    assert (spring["from"], spring["to"]) == ("2025-02", "2025-04")
    # Months asked for by name are covered even when empty; an open start begins at the first
    # month with contributions.
    everything = get(client, **{"from": "2020-01", "to": "2025-12"}).json()
    assert (everything["from"], everything["to"]) == ("2020-01", "2025-12")
    assert get(client, to="2025-12").json()["from"] == "2025-02"

    assert everything["features"][0]["properties"]["total"] == 30
    assert get(client, **{"from": "2024-01", "to": "2024-12"}).json()["features"] == []


def test_an_open_start_is_the_first_month_with_a_published_pin(client):
    bulk_pins(crowd(8, period="2024-11", status="pending") + crowd(8, first=50, flagged=True))
    bulk_pins(crowd(8, first=100, period="2025-01", status="rejected"))
    bulk_pins(crowd(8, first=200, period="2025-02"))
    assert get(client).json()["from"] == "2025-02"


def test_a_month_is_not_published_until_it_is_over_and_moderated(client):
    today = timezone.localdate()
    this_month = f"{today:%Y-%m}"
    bulk_pins(crowd(8, period=this_month) + crowd(8, FAR_SPOT, first=50, period="2025-03"))
    everything = cells(get(client, to=this_month))
    assert set(everything) == {h3.latlng_to_cell(*FAR_SPOT, 8)}
    assert get(client, **{"from": this_month}).json()["features"] == []
    # The month before is released only once moderators have had their week.
    assert last_released_month(today.replace(day=1)) < this_month
    grace = today.replace(day=1) + timezone.timedelta(days=settings.MAP_RELEASE_AFTER_DAYS - 1)
    assert last_released_month(grace) == last_released_month(today.replace(day=1))


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"exercise": "no-such-exercise"}, "exercise"),
        ({"feeling": "scared"}, "feeling"),
        ({"when": "midnight"}, "when"),
        ({"from": "2025-13"}, "from"),
        ({"to": "March 2025"}, "to"),
        ({"from": "2025-03-01"}, "from"),
        ({"from": "0000-01"}, "from"),
        ({"from": "2025-05", "to": "2025-03"}, "to"),
    ],
)
def test_bad_queries_get_a_400_naming_the_field(client, params, field):
    response = get(client, **params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [error["field"] for error in errors] == [field]
    assert errors[0]["message"]


def test_a_released_month_is_frozen_byte_for_byte(client, settings):
    bulk_pins(crowd(9))
    march = {"from": "2025-03", "to": "2025-03"}
    first = get(client, **march).content
    # Later approvals and deletions in March change nothing that was published.
    bulk_pins(crowd(30, SPOTS[1], first=100))
    from participation.models import Pin

    Pin.objects.filter(pk__in=Pin.objects.filter(h3_r8=CHILDREN[0]).values("pk")[:5]).delete()
    use_fresh_cache(settings)
    assert get(client, **march).content == first


def test_etag_lets_clients_skip_unchanged_answers(client):
    bulk_pins(crowd(8))
    response = get(client)
    again = client.get(URL, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_no_contributions_answers_an_empty_collection(client):
    collection = get(client).json()
    assert collection["type"] == "FeatureCollection" and collection["features"] == []


def documented(schema: dict) -> dict:
    """The endpoint's operation and every component schema it refers to, transitively."""
    found = {"operation": schema["paths"]["/api/v1/community-map.geojson"], "components": {}}
    pending = [found["operation"]]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            if ref and name not in found["components"]:
                found["components"][name] = schema["components"]["schemas"][name]
                pending.append(found["components"][name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return found


def test_openapi_documents_the_endpoint(client):
    current = json.dumps(
        documented(client.get("/api/v1/openapi.json").json()), indent=2, sort_keys=True
    )
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(current + "\n")
    assert current == SNAPSHOT.read_text().strip(), (
        "The documented community map API changed: review it against the contract, then run "
        "with UPDATE_SNAPSHOTS=1 to accept it."
    )


def test_the_scheduled_build_freezes_every_standard_release(client):
    from django.core.management import call_command

    from mapping.models import Release
    from participation.models import TimeOfDay

    ExerciseFactory(slug="autumn-round")
    bulk_pins(crowd(8, period="2025-02") + crowd(8, first=100, period="2025-03"))
    out = io.StringIO()
    call_command("build_map_releases", stdout=out)
    months = len(months_between("2025-02", last_released_month()))
    per_month = 1 + len(TimeOfDay.values) + 1  # everything, each time of day, the exercise
    assert Release.objects.count() == months * per_month
    assert f"Built {months * per_month}" in out.getvalue()
    call_command("build_map_releases", stdout=out)
    assert "Built 0" in out.getvalue()
