"""The public form "Tell us about a place": who must say who they are, where, the routes for a
child at risk now (before the form and on its confirmation), redaction by default, the bot check,
retries and floods."""

import re
import uuid

import pytest

from django.conf import settings
from django.test import Client
from django.urls import reverse

from concerns.forms import PlaceReportForm
from concerns.models import ConcernAudit, ConcernReport
from places.models import NamedPlace
from security.antibot import HONEYPOT_FIELD

pytestmark = pytest.mark.django_db

URL = reverse("concerns:report")


def answers(**changes) -> dict:
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "reporter": "parent",
        "location_text": "The takeaway opposite the bus station",
        "place_type": "takeaway",
        "categories": ["criminal-exploitation"],
        "when_text": "Friday and Saturday nights after 9pm",
        "what_seen": "Cars stopping, boys of about 14 getting in and out.",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def send(client=None, **changes):
    return (client or Client()).post(URL, answers(**changes))


def urgent_routes_in(html: str) -> bool:
    numbers = [contact["phone"] for contact in settings.CONCERNS_URGENT_CONTACTS]
    return (
        "Is a child at risk now?" in html
        and all(f'href="tel:{number.replace(" ", "")}"' in html for number in numbers)
        and "First Response" in html
        and "999" in html
    )


def test_the_form_says_where_a_child_at_risk_now_goes_before_anything_is_asked():
    html = Client().get(URL).content.decode()
    assert urgent_routes_in(html)
    assert html.index("Is a child at risk now?") < html.index("<form")
    assert "0117 903 6444" in html and "01454 615 165" in html


def test_a_parent_reports_a_place_without_giving_any_contact_and_the_confirmation_says_it_again():
    response = send()
    assert response.status_code == 201
    html = response.content.decode()
    assert urgent_routes_in(html)
    assert "Cars stopping" not in html  # what was reported is never shown back
    report = ConcernReport.objects.get()
    assert report.reporter == "parent" and report.email == "" and report.status == "new"
    assert report.categories == ["criminal-exploitation"]
    assert ConcernAudit.objects.filter(report_id=report.pk, action="received").exists()


def test_no_field_asks_for_a_childs_name():
    for name, field in PlaceReportForm.base_fields.items():
        words = f"{name} {field.label}".lower()
        assert "child" not in words and "young person" not in words, name
    assert set(PlaceReportForm.base_fields) == {
        "reporter",
        "reporter_name",
        "agency",
        "email",
        "phone",
        "named_place",
        "location_text",
        "lat",
        "lng",
        "place_type",
        "categories",
        "when_text",
        "what_seen",
    }


def test_a_professional_must_give_name_agency_and_work_email():
    response = send(reporter="professional")
    assert response.status_code == 400
    html = response.content.decode()
    for words in ("your name", "your agency", "your work email address"):
        assert f"As a professional, give {words}" in html
    assert not ConcernReport.objects.exists()
    ok = send(
        reporter="professional",
        reporter_name="Sam Teacher",
        agency="Bristol Brunel Academy",
        email="s.teacher@school.example.org",
    )
    assert ok.status_code == 201
    report = ConcernReport.objects.get()
    assert (report.reporter_name, report.agency) == ("Sam Teacher", "Bristol Brunel Academy")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"location_text": None}, "Tell us where"),
        ({"lat": "51.45", "location_text": None}, "Give both the latitude and the longitude"),
        ({"lat": "52.9", "lng": "-2.5"}, "less than or equal to 51.6"),
        ({"lat": "north", "lng": "-2.5"}, "Enter the latitude as a number"),
        ({"named_place": "999999"}, "Choose a place from the list"),
        ({"place_type": None}, "Choose what kind of place it is"),
        ({"place_type": "castle"}, "Select a valid choice"),
        ({"what_seen": ""}, "Tell us what you have seen or heard"),
        ({"reporter": None}, "Say whether you are a professional"),
        ({"categories": ["immediate-danger"]}, "Select a valid choice"),
        ({"email": "not-an-address"}, "Enter an email address like"),
    ],
)
def test_bad_answers_get_a_specific_message_and_keep_what_was_typed(changes, message):
    response = send(**changes)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    if changes.get("what_seen") is None:
        assert "Cars stopping" in html  # kept in the form
    assert not ConcernReport.objects.exists()


def test_where_can_be_a_named_place_or_a_map_point():
    place = NamedPlace.objects.active().first()
    assert send(named_place=str(place.pk), location_text=None).status_code == 201
    assert send(lat="51.4545", lng="-2.5879", location_text=None).status_code == 201
    by_place, by_point = ConcernReport.objects.order_by("created_at")
    assert by_place.named_place == place and by_point.lat == pytest.approx(51.4545)


def test_names_and_contact_details_in_the_free_text_are_removed_before_it_is_stored():
    response = send(
        what_seen="A girl called Jade Smith is picked up here, the driver gave his number "
        "07700 900123 and jade.smith@example.com",
        when_text="After school, ask Dean",
        location_text="Flat above the shop, BS5 6XY",
    )
    assert response.status_code == 201
    assert "data-redacted" in response.content.decode()
    report = ConcernReport.objects.get()
    stored = " ".join([report.what_seen, report.when_text, report.location_text])
    for secret in ("Jade Smith", "07700 900123", "jade.smith@example.com", "Dean", "BS5 6XY"):
        assert secret not in stored
    assert "[name removed]" in report.what_seen and "[phone number removed]" in report.what_seen
    assert report.removed["what_seen"] == ["email", "name", "phone"]
    assert report.removed["location_text"] == ["postcode"]


def test_the_bot_check_refuses_a_filled_honeypot_and_keeps_the_answers():
    response = send(**{HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 400
    assert "press Send again" in response.content.decode()
    assert "Cars stopping" in response.content.decode()
    assert not ConcernReport.objects.exists()


def test_a_retry_never_makes_a_second_report_and_a_changed_answer_is_a_new_one():
    data = answers()
    first = Client().post(URL, data)
    again = Client().post(URL, data)
    assert (first.status_code, again.status_code) == (201, 200)
    assert ConcernReport.objects.count() == 1
    changed = Client().post(URL, {**data, "what_seen": "Something else as well."})
    assert changed.status_code == 201
    assert ConcernReport.objects.count() == 2


def test_a_flood_from_one_address_gets_429_with_retry_after(settings):
    settings.CONCERNS_RATE_LIMITS = {"report-address": (2, 600)}
    client = Client()
    assert [send(client).status_code for _ in range(2)] == [201, 201]
    refused = send(client, what_seen="A third report from the same address.")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    html = refused.content.decode()
    assert "A third report from the same address." in html
    assert re.search(r"nothing you typed has been lost", html)
    assert ConcernReport.objects.count() == 2


def test_only_get_and_post():
    assert Client().put(URL).status_code == 405


def test_no_word_of_a_report_reaches_the_logs(caplog, settings):
    import logging

    settings.CONCERNS_RATE_LIMITS = {"report-address": (1, 600)}
    caplog.set_level(logging.DEBUG)
    words = {
        "what_seen": "CANARY-LOG-SEEN boys at the back door",
        "location_text": "CANARY-LOG-WHERE",
        "when_text": "CANARY-LOG-WHEN",
        "reporter_name": "CANARY-LOG-NAME",
        "email": "canary-log@example.org",
    }
    client = Client()
    send(client, **words)  # stored
    send(client, **words, place_type="castle")  # refused: bad answer
    send(client, **{**words, "what_seen": "CANARY-LOG-SEEN again"})  # refused: rate limit
    send(client, **words, **{HONEYPOT_FIELD: "x"})  # refused: bot check
    assert "canary-log" not in caplog.text.lower()
    assert ConcernReport.objects.count() == 1
