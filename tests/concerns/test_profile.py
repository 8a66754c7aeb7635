"""The problem profile: counts by place, month, kind of place and category; the map's GeoJSON
and the table are twins; exports are audited and carry no report's words."""

import csv
import io
import json

import pytest

from django.urls import reverse

from concerns.models import ConcernAudit
from concerns.profile import places_geojson, rows
from places.models import NamedPlace

from .factories import ConcernReportFactory

pytestmark = pytest.mark.django_db

WORDS = "CANARY-PROFILE what was seen"


@pytest.fixture
def reports():
    broadmead = NamedPlace.objects.get(name="Broadmead")
    for _ in range(3):
        ConcernReportFactory(
            named_place=broadmead, categories=["criminal-exploitation"], what_seen=WORDS
        )
    ConcernReportFactory(
        named_place=broadmead,
        place_type="hotel",
        categories=["sexual-exploitation", "missing"],
        what_seen=WORDS,
    )
    ConcernReportFactory(categories=[], what_seen=WORDS, reporter_name="=HYPERLINK()")
    return broadmead


def test_counts_by_place_kind_and_category(reports):
    table = {(r.place, r.kind_of_place, r.what_is_happening): r.reports for r in rows()}
    assert (
        table[
            ("Broadmead", "Takeaway or fast-food outlet", "Criminal exploitation and county lines")
        ]
        == 3
    )
    assert table[("Broadmead", "Hotel or short-let", "Sexual exploitation")] == 1
    assert table[("Broadmead", "Hotel or short-let", "Missing from home")] == 1
    assert table[("Not a named place", "Takeaway or fast-food outlet", "Not given")] == 1
    [feature] = places_geojson()["features"]
    assert feature["properties"]["place"] == "Broadmead"
    assert feature["properties"]["reports"] == 4
    assert feature["geometry"]["coordinates"] == [reports.lng, reports.lat]


def test_the_page_has_a_map_and_its_table_twin(coordinator_client, reports):
    html = coordinator_client.get(reverse("concerns_profile:index")).content.decode()
    assert 'id="profile-map"' in html and "data-profile-table" in html
    assert 'id="profile-places"' in html  # the map's data, through json_script
    assert "Criminal exploitation and county lines" in html
    assert "CANARY-PROFILE" not in html


def test_exports_are_audited_and_hold_counts_only(coordinator, coordinator_client, reports):
    response = coordinator_client.get(reverse("concerns_profile:csv"))
    assert response["Content-Disposition"].startswith('attachment; filename="problem-profile-')
    content = response.content.decode()
    parsed = list(csv.DictReader(io.StringIO(content)))
    assert sum(int(row["reports"]) for row in parsed) == 6  # 4 + 1 extra category + 1
    geo = json.loads(coordinator_client.get(reverse("concerns_profile:geojson")).content)
    assert geo["type"] == "FeatureCollection"
    for body in (content, json.dumps(geo)):
        assert "CANARY-PROFILE" not in body and "HYPERLINK" not in body
    details = sorted(
        ConcernAudit.objects.filter(action="exported", actor=coordinator).values_list(
            "detail", flat=True
        )
    )
    assert details == ["profile-csv", "profile-geojson"]
