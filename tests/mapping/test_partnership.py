"""The partnership's view: analysts only, published aggregates only, every export audited."""

import csv
import io
import json

import pytest

from mapping.models import MapExport
from mapping.permissions import EXPORT, VIEW_EXPORTS, VIEW_REPORTS
from mapping.selection import last_released_month, month_label
from tests.auth import make_staff, sign_in
from tests.mapping.factories import ExerciseFactory, ReasonFactory, bulk_pins
from tests.mapping.helpers import CHILDREN, FAR_SPOT, SPOTS, crowd

pytestmark = pytest.mark.django_db

ANALYSTS = "Partnership analysts"
PAGES = [
    "/admin/community-map/",
    "/admin/community-map/compare/",
    "/admin/community-map/gaps/",
    "/admin/community-map/exports/",
    "/admin/community-map/report/?month=2025-03",
]


@pytest.fixture
def analyst(client):
    return sign_in(client, make_staff(ANALYSTS))


@pytest.fixture
def contributions():
    dark = ReasonFactory(slug="poorly-lit", label="Poorly lit")
    bulk_pins(
        crowd(9, when="evening", reasons=[dark], comment="SECRET words about a person")
        + crowd(8, FAR_SPOT, first=100, feeling="safe", when="morning")
        + crowd(7, SPOTS[3], first=200, period="2025-04")  # too few people: never shown
    )


def refused(response) -> bool:
    """Wagtail's answer to a missing permission: back to the dashboard, with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def export(client, fmt="csv", **filters):
    return client.post(f"/admin/community-map/export/{fmt}/", filters)


@pytest.mark.parametrize("url", PAGES)
def test_analysts_may_open_every_page(analyst, contributions, url):
    response = analyst.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert "SECRET" not in html


@pytest.mark.parametrize("group", ["Moderators", "Editors", "Directory managers"])
@pytest.mark.parametrize("url", PAGES)
def test_other_staff_are_refused(client, group, url):
    sign_in(client, make_staff(group))
    assert refused(client.get(url))


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get("/admin/community-map/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_menu_shows_only_to_analysts(client, analyst, home_page):
    # Wagtail's sidebar is drawn from JSON props: look for the menu item's name there.
    assert '"name": "community-map-trends"' in analyst.get("/admin/").content.decode()
    client.logout()
    sign_in(client, make_staff("Moderators"))
    assert '"name": "community-map' not in client.get("/admin/").content.decode()


def test_trends_add_up_published_cells_only(analyst, contributions):
    html = analyst.get("/admin/community-map/", {"from": "2025-03", "to": "2025-04"}).content
    html = html.decode()
    assert "March 2025" in html and "April 2025" in html
    assert "Poorly lit" in html
    # The trends are the published cells: two areas in March (10 people each), none in April.
    api = analyst.get("/api/v1/community-map.geojson", {"from": "2025-03", "to": "2025-04"}).json()
    assert len(api["features"]) == 2


def test_a_csv_export_is_the_published_cells_and_is_audited(analyst, contributions):
    response = export(analyst, "csv", **{"from": "2025-03", "to": "2025-04", "when": "evening"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="community-map-2025-03-2025-04.csv"'
    )
    table = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["cell"] for row in table] == [CHILDREN[0]]
    assert table[0]["unsafe"] == "10" and table[0]["reasons"] == "Poorly lit (10)"
    assert table[0]["when"] == "evening"
    (entry,) = MapExport.objects.all()
    assert entry.username == analyst.session.get("_auth_user_id") or entry.user is not None
    assert entry.format == "csv" and entry.cells == 1
    assert entry.query == {"from": "2025-03", "to": "2025-04", "when": "evening"}


def test_a_geojson_export_matches_the_public_api(analyst, contributions):
    response = export(analyst, "geojson")
    assert response["Content-Type"] == "application/geo+json"
    exported = json.loads(response.content)
    public = analyst.get("/api/v1/community-map.geojson").json()
    assert exported == public
    assert MapExport.objects.get().format == "geojson"


def test_exports_are_post_only_and_need_the_permission(client, analyst, contributions):
    assert analyst.get("/admin/community-map/export/csv/").status_code == 405
    assert export(analyst, "xlsx").status_code == 404
    assert export(analyst, "csv", **{"from": "soon"}).status_code == 400
    client.logout()
    sign_in(client, make_staff("Moderators"))
    assert refused(export(client, "csv"))
    assert not MapExport.objects.exists()


def test_the_export_log_says_who_when_and_what(analyst, contributions):
    export(analyst, "csv", when="evening")
    html = analyst.get("/admin/community-map/exports/").content.decode()
    entry = MapExport.objects.get()
    assert entry.username in html and "CSV" in html and "when evening" in html


def test_spreadsheet_formulas_are_written_as_text(analyst):
    from places.geo import cell_centre
    from places.models import NamedPlace

    lat, lng = cell_centre(CHILDREN[0])
    NamedPlace.objects.create(
        slug="formula", name="=HYPERLINK(1)", kind="landmark", lat=lat, lng=lng
    )
    bulk_pins(crowd(8))
    text = export(analyst, "csv").content.decode()
    assert "'=HYPERLINK(1)" in text


def test_the_printable_report_per_month_and_per_exercise(analyst, contributions):
    autumn = ExerciseFactory(slug="autumn-walk", title="Autumn walk")
    bulk_pins(crowd(8, SPOTS[5], first=300, exercise=autumn))
    html = analyst.get("/admin/community-map/report/", {"month": "2025-03"}).content.decode()
    assert "<h1>March 2025</h1>" in html
    assert "@page" not in html  # the A4 layout lives in report.css, not inline
    assert "mapping/css/report.css" in html
    assert html.count("</title></path>") == 3  # the SVG map: one hexagon per published area
    html = analyst.get("/admin/community-map/report/", {"exercise": "autumn-walk"}).content
    assert "<h1>Autumn walk</h1>" in html.decode()
    assert list(MapExport.objects.values_list("format", flat=True)) == ["report", "report"]
    assert analyst.get("/admin/community-map/report/?exercise=nope").status_code == 404


def test_the_report_form_as_it_comes_opens_the_latest_complete_month(analyst, contributions):
    latest = last_released_month()
    page = analyst.get("/admin/community-map/").content.decode()
    assert f'<option value="{latest}" selected>' in page
    assert "As it comes, the form gives the latest complete month" in page
    # The form submitted untouched, and the bare address, both give that month's report.
    for query in ({"exercise": "", "month": latest}, {"exercise": "", "month": ""}, {}):
        response = analyst.get("/admin/community-map/report/", query)
        assert response.status_code == 200
        assert f"<h1>{month_label(latest)}</h1>" in response.content.decode()


def test_the_export_forms_as_they_come_download(analyst, contributions):
    page = analyst.get("/admin/community-map/").content.decode()
    assert "one row per area" in page and "one shape per area" in page
    for fmt in ("csv", "geojson"):
        response = analyst.post(f"/admin/community-map/export/{fmt}/", {})
        assert response.status_code == 200
    assert MapExport.objects.count() == 2


def test_rounds_of_an_exercise_are_compared_area_by_area(analyst):
    first = ExerciseFactory(slug="high-street", title="High street")
    second = ExerciseFactory(
        slug="high-street-2", title="High street", first_round=first, round_number=2
    )
    bulk_pins(
        crowd(8, exercise=first, feeling="unsafe")
        + crowd(4, first=50, exercise=second, feeling="unsafe")
        + crowd(6, first=60, exercise=second, feeling="safe")
    )
    response = analyst.get("/admin/community-map/compare/", {"series": first.pk})
    html = response.content.decode()
    assert "High street (round 2)" in html
    # Round 2: four said unsafe and six safe, each under the threshold. Round 1's eight unsafe
    # are withheld too: with the twelve who said unsafe across both rounds they would leave round
    # 2's four. A withheld feeling gives no share and no change: words, never the small number.
    assert html.count("fewer than 8 unsafe, fewer than 8 safe (10 people)") == 2
    assert ">4<" not in html and ">6<" not in html and "50%" not in html
    assert "n/a" in html


def test_rounds_compare_by_share_when_both_feelings_are_published(analyst):
    first = ExerciseFactory(slug="park-walk", title="Park walk")
    second = ExerciseFactory(
        slug="park-walk-2", title="Park walk", first_round=first, round_number=2
    )
    bulk_pins(
        crowd(16, exercise=first, feeling="unsafe")
        + crowd(8, first=50, exercise=second, feeling="unsafe")
        + crowd(8, first=60, exercise=second, feeling="safe")
    )
    html = analyst.get("/admin/community-map/compare/", {"series": first.pk}).content.decode()
    assert "100% unsafe (15 people)" not in html  # round 1's safe count is withheld
    assert "15 unsafe, fewer than 8 safe (15 people)" in html
    assert "50% unsafe (15 people)" in html


def test_analysts_hold_no_permission_on_contributions():
    from django.contrib.auth.models import Group

    permissions = Group.objects.get(name=ANALYSTS).permissions.all()
    apps = {p.content_type.app_label for p in permissions}
    # coproduction's are the asset map's published figures (aggregates), not its suggestions.
    assert apps == {"mapping", "wagtailadmin", "coproduction"}
    assert {f"{p.content_type.app_label}.{p.codename}" for p in permissions} == {
        "wagtailadmin.access_admin",
        VIEW_REPORTS,
        EXPORT,
        VIEW_EXPORTS,
        "coproduction.view_asset_map_reports",
        "coproduction.export_asset_map_reports",
    }


def test_provision_gaps_list_unsafe_areas_far_from_youth_provision(analyst):
    from places.geo import cell_centre
    from places.models import NamedPlace
    from tests.participation.factories import ApprovedProposalFactory, ProposalFactory
    from tests.services_directory.factories import LocationFactory, ServiceFactory, at

    far = NamedPlace.objects.get(slug="knowle-west")
    bulk_pins(
        crowd(9, feeling="unsafe")  # near the city centre, where a youth club is
        + crowd(9, (far.lat, far.lng), first=100, feeling="unsafe")  # nothing near
        + crowd(9, FAR_SPOT, first=200, feeling="safe")  # feels safe: never a gap
    )
    club = ServiceFactory(name="Centre youth club", needs=["youth-clubs"])
    at(club, LocationFactory(lat=cell_centre(CHILDREN[0])[0], lng=cell_centre(CHILDREN[0])[1]))
    ApprovedProposalFactory(title="Friday youth club in Filwood", place=far, area="south")
    ProposalFactory(title="Waiting for moderation", place=far, area="south")
    html = analyst.get("/admin/community-map/gaps/").content.decode()
    assert html.count('class="cm-gap"') == 1
    assert "Knowle West" in html
    assert "10 said unsafe, fewer than 8 said safe" in html  # the withheld count in words
    assert "Friday youth club in Filwood" in html
    assert "Waiting for moderation" not in html
    assert "Centre youth club" in html  # named as the nearest provision, miles away
    wide = analyst.get("/admin/community-map/gaps/", {"miles": "5"}).content.decode()
    assert 'class="cm-gap"' not in wide
