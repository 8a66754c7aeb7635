"""The problem profile: counts by place, month, kind of place and category; the map's GeoJSON
and the table are twins; exports are audited and carry no report's words."""

import csv
import datetime
import io
import json
import random
from collections import Counter

import pytest

from django.db.models.functions import TruncMonth
from django.urls import reverse

from concerns.choices import REPORT_CATEGORIES, REPORT_CATEGORY_LABELS, PlaceType
from concerns.models import ConcernAudit, ConcernReport, ReportCategory
from concerns.profile import NO_CATEGORY, NOT_NAMED, Row, as_csv, places_geojson, rows
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


def counted_in_python():
    """The profile worked out the slow, obvious way, report by report (truncating each timestamp
    to its local month): what the database's GROUP BY must agree with, row for row and in order."""
    counts, places = Counter(), {}
    kinds = dict(PlaceType.choices)
    for report in ConcernReport.objects.annotate(local_month=TruncMonth("created_at")).iterator():
        place = report.named_place
        for category in report.categories or [None]:
            key = (
                place.name if place else NOT_NAMED,
                (place.area if place else "") or "",
                f"{report.local_month:%Y-%m}",
                kinds.get(report.place_type, report.place_type),
                REPORT_CATEGORY_LABELS.get(category, NO_CATEGORY),
            )
            counts[key] += 1
        if place:
            entry = places.setdefault(place.name, {"reports": 0, "by": Counter()})
            entry["reports"] += 1
            entry["by"].update(REPORT_CATEGORY_LABELS[c] for c in report.categories)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ordered.sort(key=lambda item: item[0][2], reverse=True)
    return [Row(*key, reports=count) for key, count in ordered], places


def test_the_database_counts_as_the_reports_say_across_months_kinds_and_categories():
    rng = random.Random(18)
    places = list(NamedPlace.objects.all()[:5])
    kinds = [value for value, _ in PlaceType.choices]
    categories = [slug for slug, _ in REPORT_CATEGORIES]
    # Either side of midnight at the end of a British Summer Time month: 23:30 UTC on 31 May is
    # already June in Bristol.
    moments = [
        datetime.datetime(2026, 5, 31, 22, 30, tzinfo=datetime.UTC),
        datetime.datetime(2026, 5, 31, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2026, 1, 31, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2025, 12, 2, 12, 0, tzinfo=datetime.UTC),
    ]
    for i in range(80):
        ConcernReportFactory(
            named_place=rng.choice(places) if i % 4 else None,
            place_type=rng.choice(kinds),
            categories=rng.sample(categories, rng.randint(0, 3)),
            created_at=rng.choice(moments),
        )
    expected_rows, expected_places = counted_in_python()
    assert rows() == expected_rows
    assert {row.month for row in rows()} == {"2026-06", "2026-05", "2026-01", "2025-12"}
    assert as_csv(rows()).count("\n") == len(expected_rows) + 1
    features = {f["properties"]["place"]: f["properties"] for f in places_geojson()["features"]}
    assert {name: p["reports"] for name, p in features.items()} == {
        name: entry["reports"] for name, entry in expected_places.items()
    }
    assert {name: p["by_category"] for name, p in features.items()} == {
        name: dict(entry["by"]) for name, entry in expected_places.items()
    }
    # Every report's categories have their rows, and only those.
    assert ReportCategory.objects.count() == sum(
        len(c) for c in ConcernReport.objects.values_list("categories", flat=True)
    )


def test_the_page_shows_the_table_in_pages_of_the_whole(coordinator_client, settings, reports):
    settings.CONCERNS_PROFILE_ROWS_PER_PAGE = 2
    url = reverse("concerns_profile:index")
    whole = rows()
    shown = []
    for number in range(1, 3):
        html = coordinator_client.get(url, {"p": number}).content.decode()
        assert f"Page {number} (" in html
        assert ('href="?p=2"' in html) == (number == 1)  # a next page only while rows remain
        assert ('href="?p=1"' in html) == (number == 2)
        body = html.split("<tbody>")[1].split("</tbody>")[0]
        shown += [tr.count("<td>") for tr in body.split("<tr>")[1:]]
        for row in whole[(number - 1) * 2 : number * 2]:
            assert f"<td>{row.what_is_happening}</td><td>{row.reports}</td>" in body
    assert len(shown) == len(whole) == 4
    beyond = coordinator_client.get(url, {"p": "99"})
    assert beyond.status_code == 200 and "No rows on page 99" in beyond.content.decode()
    for nonsense in ("0", "-1", "x", "1e9", "9" * 30):
        assert "Page 1 (" in coordinator_client.get(url, {"p": nonsense}).content.decode()
