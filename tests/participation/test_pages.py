"""The pages of /have-your-say/ as someone without JavaScript uses them: plain forms."""

import re
import uuid

import pytest

from django.test import Client

from participation.models import Pin

pytestmark = pytest.mark.django_db

UNSAFE_AT_CASTLE_PARK = {
    "feeling": "unsafe",
    "place": "castle-park",
    "location_source": "place",
    "reasons_unsafe": ["poor-lighting", "isolated"],
    "when": "evening",
    "comment": "Dark paths by the river.",
}


def receipt_in(html: str) -> str:
    return re.search(r"data-receipt-code>([a-z0-9-]+)<", html).group(1)


def form_key(html: str) -> str:
    return re.search(r'name="idempotency_key" value="([0-9a-f-]+)"', html).group(1)


def test_the_hub_links_to_every_part(client, home_page):
    html = client.get("/have-your-say/").content.decode()
    for path in ("pin/", "ideas/", "you-said-we-did/", "receipt/"):
        assert f'href="/have-your-say/{path}"' in html


def test_the_pin_form_works_without_javascript(client, home_page):
    page = client.get("/have-your-say/pin/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "no-store" in page["Cache-Control"]
    # Everything needed without JavaScript is a plain form control; map and location are extras.
    assert '<select name="place" id="id_place"' in html
    assert 'value="castle-park"' in html
    assert 'type="radio" name="feeling" value="unsafe"' in html
    assert 'name="reasons_unsafe" value="poor-lighting"' in html
    assert 'type="file" name="photo"' in html
    assert re.search(r'class="where-option js-only" hidden', html)
    # The just-in-time notes come before the comment and the photo.
    assert html.index("Please do not name anyone") < html.index('name="comment"')
    assert html.index("No faces, no number plates") < html.index('name="photo"')
    assert html.index("We only use this to put your pin") < html.index('name="place"')
    assert "<script>" not in html and "onclick" not in html


def test_an_unsafe_pin_at_a_named_place_gets_a_receipt(client, home_page):
    key = form_key(client.get("/have-your-say/pin/").content.decode())
    response = client.post(
        "/have-your-say/pin/",
        {**UNSAFE_AT_CASTLE_PARK, "reasons_safe": ["friends"], "idempotency_key": key},
    )
    assert response.status_code == 201
    html = response.content.decode()
    code = receipt_in(html)
    assert "no-store" in response["Cache-Control"]
    pin = Pin.objects.get()
    assert (pin.feeling, pin.place.slug, pin.when) == ("unsafe", "castle-park", "evening")
    # The safe reason ticked by mistake does not count: the feeling decides.
    assert sorted(r.slug for r in pin.reasons.all()) == ["isolated", "poor-lighting"]
    assert "Want to talk to someone?" in html and "0800 1111" in html
    assert 'class="immediate-help"' not in html
    # Pressing Send twice (or refreshing) sends the same key: the same pin and receipt.
    again = client.post("/have-your-say/pin/", {**UNSAFE_AT_CASTLE_PARK, "idempotency_key": key})
    assert again.status_code == 200
    assert receipt_in(again.content.decode()) == code
    assert Pin.objects.count() == 1


def test_going_back_and_changing_the_pin_sends_a_new_one(client, home_page):
    key = str(uuid.uuid4())
    first = client.post("/have-your-say/pin/", {**UNSAFE_AT_CASTLE_PARK, "idempotency_key": key})
    changed = {**UNSAFE_AT_CASTLE_PARK, "place": "broadmead", "idempotency_key": key}
    second = client.post("/have-your-say/pin/", changed)
    assert second.status_code == 201
    assert receipt_in(second.content.decode()) != receipt_in(first.content.decode())
    assert Pin.objects.count() == 2


def test_missing_answers_are_listed_and_linked_and_nothing_typed_is_lost(client, home_page):
    response = client.post(
        "/have-your-say/pin/", {"comment": "by the bus stop", "location_source": "place"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_feeling">Choose whether the place feels safe or unsafe.' in html
    assert 'href="#id_place">Say where' in html
    assert ">by the bus stop</textarea>" in html
    assert not Pin.objects.exists()


def test_the_eleventh_pin_in_an_hour_gets_a_friendly_429_and_keeps_the_form(client, home_page):
    for _ in range(10):
        client.post(
            "/have-your-say/pin/", {**UNSAFE_AT_CASTLE_PARK, "idempotency_key": uuid.uuid4()}
        )
    response = client.post(
        "/have-your-say/pin/", {**UNSAFE_AT_CASTLE_PARK, "idempotency_key": uuid.uuid4()}
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a little" in html and "Thank you!" in html
    assert "Dark paths by the river.</textarea>" in html
    assert Pin.objects.count() == 10


def test_an_exercise_link_tags_the_form(client, home_page):
    from .factories import ExerciseFactory

    ExerciseFactory(slug="easton-spring")
    html = client.get("/have-your-say/pin/?exercise=easton-spring").content.decode()
    assert '<input type="hidden" name="exercise" value="easton-spring">' in html
    assert 'name="exercise"' not in client.get("/have-your-say/pin/?exercise=nope").content.decode()


def test_every_page_of_have_your_say_is_served(client, home_page):
    for path in ("", "pin/", "ideas/", "ideas/new/", "you-said-we-did/", "receipt/"):
        response = client.get(f"/have-your-say/{path}")
        assert response.status_code == 200, path
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, path
        assert "data-exit-button" in html and 'id="get-help"' in html, path


def test_browsing_sets_no_cookie(home_page):
    browser = Client()
    for path in ("", "pin/", "ideas/", "you-said-we-did/", "receipt/"):
        browser.get(f"/have-your-say/{path}")
    assert "spb_contributor" not in browser.cookies
