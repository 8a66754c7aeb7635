"""The partnership's asset map figures (per area and month, small counts withheld, the CSV in the
export audit), the provision-gap view's unsafe areas with no recommended service nearby, and the
Directory managers' quality assurance (trend, approved comments only, the provider's response
and its two-person way to "You said, we did"). Each screen: who can and cannot open it."""

import csv
import io

import pytest

from coproduction import quality
from coproduction.models import ProviderResponse, ServiceViewPublication
from coproduction.services import SuggestionSubmission, create_suggestion
from mapping.models import ExportFormat, MapExport
from moderation.services import approve, scan_item
from participation.codes import keyed_hash
from participation.models import Outcome
from places.models import NamedPlace
from staff.roles import (
    DIRECTORY_MANAGERS,
    EDITORS,
    MODERATORS,
    PARTNERSHIP_ANALYSTS,
    SAFEGUARDING_LEADS,
)
from tests.auth import make_staff, refused, sign_in
from tests.services_directory.factories import ServiceFactory

from .factories import view

pytestmark = pytest.mark.django_db

FIGURES = "/admin/asset-map/figures/"
EXPORT = "/admin/asset-map/figures/export/"
QUALITY = "/admin/asset-map/quality/"


def suggestions(count: int, place: str, name="Friday boxing club"):
    for n in range(count):
        made = create_suggestion(
            SuggestionSubmission(
                name=name,
                what="activity",
                who="anyone",
                why="SECRET words of a young person",
                place=NamedPlace.objects.get(slug=place),
            ),
            contributor=keyed_hash("contributor", f"{place}-{n}"),
        )
        scan_item(made.moderation_id)


@pytest.mark.parametrize("group", [PARTNERSHIP_ANALYSTS, SAFEGUARDING_LEADS])
def test_analysts_and_leads_see_the_figures_with_small_counts_withheld(client, group):
    suggestions(8, "hartcliffe")  # 8 different young people: shown, rounded
    suggestions(3, "easton")  # 3: withheld
    sign_in(client, make_staff(group))
    html = client.get(FIGURES).content.decode()
    assert "data-asset-map-figures" in html and "SECRET" not in html
    rows = {
        line.split("<td>")[2].split("<")[0]: line
        for line in html.split("<tr>")
        if line.count("<td>") == 6
    }
    south = next(v for k, v in rows.items() if "South" in k)
    assert "<td>10</td>" in south  # 8 rounded to the nearest 5
    assert any("Withheld" in v for k, v in rows.items() if "South" not in k)
    assert "Friday boxing" not in html


@pytest.mark.parametrize("group", [DIRECTORY_MANAGERS, MODERATORS, EDITORS])
def test_other_staff_are_refused_the_figures_and_the_export(client, group):
    sign_in(client, make_staff(group))
    assert refused(client.get(FIGURES))
    assert refused(client.post(EXPORT))
    assert not MapExport.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(client):
    for url in (FIGURES, QUALITY):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_csv_export_is_recorded_in_the_export_audit_and_withholds_small_counts(client):
    suggestions(3, "easton")
    analyst = make_staff(PARTNERSHIP_ANALYSTS)
    sign_in(client, analyst)
    assert client.get(EXPORT).status_code == 405  # POST only, as the map's exports
    response = client.post(EXPORT)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    table = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert table and all(row["suggestions_received"] == "withheld" for row in table)
    record = MapExport.objects.get()
    assert record.user == analyst and record.format == ExportFormat.ASSET_MAP
    assert record.cells == len(table)
    log = client.get("/admin/community-map/exports/").content.decode()
    assert "Asset map figures" in log


def test_views_changed_count_published_states_only(client):
    service = ServiceFactory(name="Knowle youth club")
    from tests.services_directory.factories import LocationFactory, at

    at(service, LocationFactory(lat=51.42, lng=-2.59))
    for n in range(5):
        view(service, f"first-{n}", "yes")
    for n in range(5):
        view(service, f"second-{n}", "no")
    from coproduction.partnership import monthly_rows

    rows = [r for r in monthly_rows() if r["services_with_view"]]
    assert rows and rows[0]["services_with_view"] == 1 and rows[0]["views_changed"] == 1


def test_the_gaps_view_lists_unsafe_areas_with_no_recommended_service_nearby(client, settings):
    from places.geo import cell_centre
    from tests.mapping.conftest import use_fresh_cache
    from tests.mapping.factories import bulk_pins
    from tests.mapping.helpers import CHILDREN, crowd
    from tests.services_directory.factories import LocationFactory, at

    # The map's published answers are cached by their question: ask over this test's data only.
    use_fresh_cache(settings)
    far = NamedPlace.objects.get(slug="knowle-west")
    bulk_pins(
        crowd(9, feeling="unsafe") + crowd(9, (far.lat, far.lng), first=100, feeling="unsafe")
    )
    liked = ServiceFactory(name="Centre drop-in")
    lat, lng = cell_centre(CHILDREN[0])
    at(liked, LocationFactory(lat=lat, lng=lng))
    ServiceViewPublication.objects.create(
        service=liked, counts={"people": 10, "yes": 10}, published_at="2026-01-01T00:00Z"
    )
    sign_in(client, make_staff(PARTNERSHIP_ANALYSTS))
    html = client.get("/admin/community-map/gaps/").content.decode()
    section = html.split('id="gaps-recommended"')[1]
    assert section.count("<tr data-cell=") == 1 and "Knowle West" in section
    assert "Centre drop-in" in section  # named as the nearest recommended one, miles away


def published_service():
    service = ServiceFactory(name="Bedminster youth club")
    for n in range(5):
        view(service, f"p{n}", "yes", comment="SECRET the staff member Jo Bloggs was kind")
    return service


def test_directory_managers_see_the_trend_and_approved_comments_only(client):
    service = published_service()
    moderator = make_staff(MODERATORS)
    from coproduction.models import ServiceView

    first = ServiceView.objects.filter(service=service).first()
    scan_item(first.moderation_id)
    first.moderation.refresh_from_db()
    first.moderation.published_text = "The staff were kind"
    first.moderation.save()
    approve(first.moderation_id, moderator, no_sign_of_harm=True)
    sign_in(client, make_staff(DIRECTORY_MANAGERS))
    index = client.get(QUALITY).content.decode()
    assert "Bedminster youth club" in index
    html = client.get(f"{QUALITY}{service.pk}/").content.decode()
    assert "data-view-trend" in html and "yes 5" in html
    assert html.count("data-approved-comment") == 1 and "The staff were kind" in html
    assert "SECRET" not in html


@pytest.mark.parametrize("group", [PARTNERSHIP_ANALYSTS, MODERATORS, EDITORS, SAFEGUARDING_LEADS])
def test_other_staff_are_refused_quality_assurance(client, group):
    service = published_service()
    sign_in(client, make_staff(group))
    assert refused(client.get(QUALITY))
    assert refused(client.get(f"{QUALITY}{service.pk}/"))
    assert refused(client.post(f"{QUALITY}{service.pk}/", {"changed": "x"}))
    assert not ProviderResponse.objects.exists()


def test_a_response_reaches_you_said_we_did_only_by_a_second_manager(client):
    service = published_service()
    first, second = make_staff(DIRECTORY_MANAGERS), make_staff(DIRECTORY_MANAGERS)
    sign_in(client, first)
    url = f"{QUALITY}{service.pk}/"
    missing = client.post(url, {"changed": "Later opening", "publish": "on"})
    assert missing.status_code == 400 and "Needed for You said, we did." in missing.content.decode()
    client.post(
        url,
        {
            "changed": "Opens until 9pm on Fridays",
            "publish": "on",
            "area": "south",
            "you_said": "Young people said it closed too early",
            "we_did": "It now opens until 9pm; call Jo on 07700 900123",
        },
    )
    response = ProviderResponse.objects.get()
    assert response.status == "proposed" and "07700 900123" not in response.we_did
    approve_url = f"/admin/asset-map/quality/responses/{response.pk}/approve/"
    client.post(approve_url)
    assert not Outcome.objects.exists()  # the proposer cannot approve their own words
    client.logout()
    sign_in(client, second)
    client.post(approve_url)
    client.post(approve_url)  # twice: still one outcome
    outcome = Outcome.objects.get()
    assert outcome.area == "south" and outcome.we_did.startswith("It now opens until 9pm")
    response.refresh_from_db()
    assert response.status == "published" and response.outcome_id == outcome.pk
    assert response.approved_by == second


def test_a_response_kept_off_you_said_we_did_is_recorded_only():
    service = published_service()
    manager = make_staff(DIRECTORY_MANAGERS)
    response = quality.record_response(service, manager, changed="New staff training")
    with pytest.raises(quality.PublicationRefused):
        quality.approve_response(response, make_staff(DIRECTORY_MANAGERS))
    assert not Outcome.objects.exists()
