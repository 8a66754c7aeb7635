"""The public pages: /services/ (list, map data, filters, errors, print), one service, reports."""

import json

import pytest

from django.core import mail

from services_directory.models import FeedbackStatus, ListingFeedback
from tests.auth import make_staff
from tests.services_directory.factories import (
    LocationFactory,
    ServiceFactory,
    at,
    full_service,
    opens,
    place,
)

pytestmark = pytest.mark.django_db


def json_script(html: str, element_id: str):
    start = html.index(f'<script id="{element_id}" type="application/json">') + len(
        f'<script id="{element_id}" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_directory_lists_results_with_map_twin_data(client):
    club = ServiceFactory(name="Boxing club", needs=["sport"])
    at(club, LocationFactory(name="Gym", place=place("easton"), lat=None, lng=None))
    ServiceFactory(name="City-wide line")
    html = client.get("/services/").content.decode()
    assert "2 results" in html
    markers = json_script(html, "directory-markers")
    # Every marker has its entry in the list; city-wide services have no marker.
    assert [m["slug"] for m in markers] == ["boxing-club"]
    assert 'id="result-boxing-club"' in html
    assert "Covers the whole of Bristol" in html
    # The page's only scripts are JSON data and our module: nothing inline to run.
    assert "<script>" not in html
    assert 'type="module" src="/static/services_directory/js/directory.js"' in html


def test_every_filter_of_the_contract_in_the_query_string(client):
    match = ServiceFactory(
        name="Match",
        minimum_age=11,
        maximum_age=18,
        needs=["criminal-exploitation"],
        audiences=["parents"],
    )
    opens(match, "SA", "18:00", "21:00")
    at(match, LocationFactory(place=place("bedminster"), lat=None, lng=None))
    ServiceFactory(name="Other", minimum_age=19)
    url = "/services/?q=county+lines&need=criminal-exploitation&age=14&when=evening&when=weekend&near=bedminster&for=parents"
    html = client.get(url).content.decode()
    assert "1 result near Bedminster" in html
    assert "Match" in html and "Other" not in html
    assert "miles away" in html
    assert "Link to these results" in html and "near=bedminster" in html


def test_distance_text(client):
    city_centre = place("city-centre")
    service = ServiceFactory(name="Near")
    # 1.2 miles due north (a degree of latitude is about 69.1 miles).
    at(service, LocationFactory(lat=city_centre.lat + 1.2 / 69.1, lng=city_centre.lng))
    html = client.get(f"/services/?near={city_centre.slug}").content.decode()
    assert "(1.2 miles away)" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("age=fourteen", "Enter an age as a whole number, like 14."),
        ("near=atlantis", "we do not know that place"),
        ("need=unicorns", "Choose needs from the list."),
        ("within=5", "Choose a place to measure the distance from."),
        ("when=midnight", "Select a valid choice"),
    ],
)
def test_bad_filters_answer_400_with_a_clear_message(client, query, message):
    response = client.get(f"/services/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem with your search" in response.content.decode()


def test_pagination_keeps_the_filters(client):
    for n in range(22):
        ServiceFactory(name=f"Sport {n:02d}", needs=["sport"])
    html = client.get("/services/?need=sport").content.decode()
    assert "22 results" in html and "need=sport&amp;page=2" in html
    page2 = client.get("/services/?need=sport&page=2").content.decode()
    assert "Sport 21" in page2 and "Sport 00" not in page2


def test_service_page_shows_everything_a_parent_needs(client):
    service = full_service()
    html = client.get(service.get_absolute_url()).content.decode()
    for text in [
        "How to get help",
        "You can contact them yourself.",
        "A professional",
        "0117 111 1111",
        "Duty worker",
        "When it is open",
        "Monday, Wednesday",
        "6pm to 9pm",
        "Full centre",
        "1 Public Road",
        "Step-free entrance",
        "Ages 11 to 18",
        "Somali",
        "Free for under 18s.",
        "Last checked:",
        "Report a problem with this listing",
    ]:
        assert text in html, text


def test_unpublished_services_are_not_found(client):
    draft = ServiceFactory(live=False)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_report_a_problem_reaches_directory_managers(client, django_capture_on_commit_callbacks):
    manager = make_staff("Directory managers")
    manager.email = "manager@example.org"
    manager.save()
    service = ServiceFactory(name="Old listing")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            service.get_absolute_url(), {"kind": "closed", "comment": "It shut last month."}
        )
    assert response.status_code == 302 and response["Location"].endswith("?reported=1#report")
    feedback = ListingFeedback.objects.get()
    assert (feedback.kind, feedback.comment, feedback.status) == (
        "closed",
        "It shut last month.",
        FeedbackStatus.OPEN,
    )
    assert [m.to for m in mail.outbox] == [["manager@example.org"]]
    # The email says which listing; the comment stays in the admin.
    assert "Old listing" in mail.outbox[0].body and "shut" not in mail.outbox[0].body
    assert (
        f"/admin/snippets/services_directory/listingfeedback/edit/{feedback.pk}/"
        in mail.outbox[0].body
    )
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you" in thanks
    # An open report puts the record on the needs-review list.
    from services_directory.models import Service

    assert service in Service.objects.needing_review()


def test_report_without_a_choice_is_a_400_keeping_the_words(client):
    service = ServiceFactory()
    response = client.post(service.get_absolute_url(), {"comment": "keep me"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose what is wrong with this listing." in html and "keep me" in html
    assert not ListingFeedback.objects.exists()


def test_my_list_page_is_static_and_says_where_the_list_lives(client):
    html = client.get("/services/my-list/").content.decode()
    assert "kept in this browser on this device only" in html
    assert "Print this list" in html
    assert "noindex" in html
