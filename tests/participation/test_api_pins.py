"""POST /api/v1/pins: every rule of the contract."""

import uuid

import pytest

from django.test import Client

from moderation.models import ModerationItem, ModerationStatus
from participation.codes import code_hash, normalise_code
from participation.contributors import COOKIE_NAME
from participation.models import LocationSource, Pin, Receipt
from places.models import NamedPlace

from .conftest import errors_of, post_json
from .factories import ExerciseFactory

pytestmark = pytest.mark.django_db

AT_PLACE = {"feeling": "unsafe", "place": "castle-park", "reasons": ["poor-lighting"]}
AT_POINT = {"feeling": "safe", "lat": 51.4545, "lng": -2.5879, "when": "after-school"}


def test_a_pin_at_a_named_place_is_pending_with_a_receipt(post_pin):
    response = post_pin(AT_PLACE)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "status", "receipt"}
    assert body["status"] == "pending"
    pin = Pin.objects.get(pk=body["id"])
    place = NamedPlace.objects.get(slug="castle-park")
    assert (pin.lat, pin.lng, pin.place, pin.location_source) == (
        place.lat,
        place.lng,
        place,
        LocationSource.PLACE,
    )
    assert [r.slug for r in pin.reasons.all()] == ["poor-lighting"]
    assert pin.moderation.status == ModerationStatus.PENDING
    assert pin.moderation.kind == "pin"
    assert not Pin.objects.published().exists()
    # The code is kept only as a keyed hash; it leads back to this pin.
    assert normalise_code(body["receipt"]) == body["receipt"]
    assert not Receipt.objects.filter(code_hash=body["receipt"]).exists()
    assert Receipt.objects.get(code_hash=code_hash(body["receipt"])).pins.get() == pin


def test_a_pin_at_a_position_gets_its_cells_and_period(post_pin):
    response = post_pin(AT_POINT)
    assert response.status_code == 201
    pin = Pin.objects.get(pk=response.json()["id"])
    assert pin.location_source == LocationSource.MAP
    assert pin.place is None
    assert pin.h3_r8 and pin.h3_r7 and pin.h3_r9
    assert len(pin.period) == 7 and pin.period[4] == "-"
    assert pin.when == "after-school"


def test_an_exercise_slug_tags_the_pin_and_its_moderation_item(post_pin):
    ExerciseFactory(slug="lawrence-hill-2026")
    response = post_pin({**AT_PLACE, "exercise": "lawrence-hill-2026"})
    pin = Pin.objects.get(pk=response.json()["id"])
    assert pin.exercise.slug == "lawrence-hill-2026"
    assert pin.moderation.exercise == "lawrence-hill-2026"


def test_the_same_key_and_body_answer_the_stored_answer_and_create_nothing(post_pin):
    key = str(uuid.uuid4())
    first = post_pin(AT_PLACE, key=key)
    again = post_pin(dict(reversed(list(AT_PLACE.items()))), key=key)  # same body, keys reordered
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert Pin.objects.count() == 1
    assert ModerationItem.objects.count() == 1
    assert Receipt.objects.count() == 1


def test_the_same_key_with_another_body_is_422(post_pin):
    key = str(uuid.uuid4())
    assert post_pin(AT_PLACE, key=key).status_code == 201
    response = post_pin({**AT_PLACE, "feeling": "safe", "reasons": []}, key=key)
    assert response.status_code == 422
    assert "Idempotency-Key" in errors_of(response)
    assert Pin.objects.count() == 1


def test_a_request_without_a_key_is_400(post_pin):
    response = post_pin(AT_PLACE, key=None)
    assert response.status_code == 400
    assert errors_of(response) == {
        "Idempotency-Key": "Send an Idempotency-Key header: a new UUID for each submission."
    }
    assert not Pin.objects.exists()


def test_a_key_that_is_not_a_uuid_is_400(post_pin):
    response = post_pin(AT_PLACE, key="twelve")
    assert response.status_code == 400
    assert "Idempotency-Key" in errors_of(response)


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"place": "castle-park"}, "feeling", "required"),
        ({"feeling": "scary", "place": "castle-park"}, "feeling", "safe"),
        ({"feeling": "safe"}, "place", "Say where"),
        ({"feeling": "safe", "lat": 51.45}, "lng", "Say where"),
        ({"feeling": "safe", "lat": 51.45, "lng": "west"}, "lng", "number"),
        ({"feeling": "safe", "lat": 48.85, "lng": 2.35}, "lat", "outside Bristol"),
        ({"feeling": "safe", "place": "atlantis"}, "place", "do not know that place"),
        (
            {"feeling": "safe", "place": "castle-park", "lat": 51.45, "lng": -2.59},
            "place",
            "not both",
        ),
        ({**AT_PLACE, "reasons": ["ghosts"]}, "reasons", "'ghosts' is not a reason"),
        ({**AT_PLACE, "reasons": ["friends"]}, "reasons", "Friends"),
        ({**AT_PLACE, "when": "midnight"}, "when", "'midnight'"),
        ({**AT_PLACE, "comment": "x" * 1001}, "comment", "1000 characters"),
        ({**AT_PLACE, "exercise": "no-such-exercise"}, "exercise", "exercise"),
        ({**AT_PLACE, "reasons": "poor-lighting"}, "reasons", "list"),
    ],
)
def test_validation_errors_name_the_field(post_pin, body, field, words):
    response = post_pin(body)
    assert response.status_code == 400, response.content
    errors = errors_of(response)
    assert field in errors, errors
    assert words.lower() in errors[field].lower()
    assert not Pin.objects.exists()


def test_a_body_that_is_not_json_is_400_in_the_same_shape(client):
    response = client.post(
        "/api/v1/pins",
        data="{not json",
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 400
    assert list(errors_of(response)) == ["body"]


def test_a_comment_of_exactly_1000_characters_is_kept(post_pin):
    response = post_pin({**AT_PLACE, "comment": "é" * 1000})
    assert response.status_code == 201
    assert Pin.objects.get().comment == "é" * 1000


def test_the_contributor_token_goes_in_a_cookie_and_only_its_hash_is_stored(client, post_pin):
    response = post_pin(AT_PLACE)
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 30 * 24 * 3600
    pin = Pin.objects.get()
    assert cookie.value not in pin.contributor
    assert len(pin.contributor) == 64
    # The same browser is the same contributor; the cookie is not refreshed (so it rotates).
    second = post_pin(AT_POINT)
    assert COOKIE_NAME not in second.cookies
    assert Pin.objects.filter(contributor=pin.contributor).count() == 2


def test_nothing_about_the_connection_is_kept(post_pin):
    response = post_pin(AT_PLACE, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Phone/1.0")
    pin = Pin.objects.get(pk=response.json()["id"])
    stored = " ".join(str(value) for value in Pin.objects.filter(pk=pin.pk).values().get().values())
    assert "203.0.113.9" not in stored and "Phone" not in stored


def test_the_eleventh_pin_in_an_hour_from_one_token_is_429(client, post_pin):
    for n in range(10):
        assert post_pin(AT_PLACE).status_code == 201, n
    response = post_pin(AT_PLACE)
    assert response.status_code == 429
    assert "wait" in errors_of(response)["body"]
    assert int(response["Retry-After"]) > 0
    assert Pin.objects.count() == 10


def test_a_replay_is_answered_even_when_the_limit_is_reached(post_pin):
    key = str(uuid.uuid4())
    first = post_pin(AT_PLACE, key=key)
    for _ in range(9):
        post_pin(AT_PLACE)
    assert post_pin(AT_PLACE).status_code == 429
    assert post_pin(AT_PLACE, key=key).json() == first.json()


def test_120_pins_from_one_address_across_30_tokens_are_all_accepted():
    # A classroom of 30 behind one school address, each adding 4 pins.
    statuses = []
    for token in range(30):
        browser = Client(REMOTE_ADDR="198.51.100.7")
        for _ in range(4):
            response = post_json(browser, "/api/v1/pins", AT_PLACE)
            statuses.append(response.status_code)
        assert browser.cookies[COOKIE_NAME].value, token
    assert statuses == [201] * 120
    assert Pin.objects.values("contributor").distinct().count() == 30
