"""Receipt codes: the only way back to a contribution, to see its status or delete it."""

import uuid

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from moderation.models import ModerationItem, ModerationStatus
from participation.codes import WORDS, normalise_code, receipt_code
from participation.models import Pin, Proposal, Receipt, ResponseStatus

from . import photo_fixtures as fx
from .conftest import errors_of, post_json
from .test_pages import UNSAFE_AT_CASTLE_PARK, receipt_in

pytestmark = pytest.mark.django_db


def pin_with_receipt(client, **extra) -> tuple[Pin, str]:
    response = post_json(client, "/api/v1/pins", {"feeling": "unsafe", "place": "easton", **extra})
    return Pin.objects.get(pk=response.json()["id"]), response.json()["receipt"]


def decide(contribution, status, **fields):
    ModerationItem.objects.filter(pk=contribution.moderation_id).update(status=status, **fields)


def test_codes_are_three_words_and_two_digits_and_forgiving_to_type():
    code = receipt_code("pin", str(uuid.uuid4()))
    words = code.split("-")
    assert len(words) == 4 and all(w in WORDS for w in words[:3]) and words[3].isdigit()
    a, b, c, n = words
    for typed in (code.upper(), f" {a} {b} {c} {n} ", f"{a}.{b}.{c}.{n}", f"{a}-{b}-{c}{n}"):
        assert normalise_code(typed) == code
    assert normalise_code("robert-tables-1") is None
    assert normalise_code("") is None


def test_rotating_secret_key_keeps_receipt_codes_working(client, settings):
    pin, code = pin_with_receipt(client)
    settings.SECRET_KEY = "a-rotated-secret-key-" + uuid.uuid4().hex
    body = Client().get(f"/api/v1/receipts/{code}").json()
    assert [item["id"] for item in body["contributions"]] == [str(pin.pk)]
    # The code hangs on CONTRIBUTOR_HASH_KEY: rotating that one does break it, as it should.
    settings.CONTRIBUTOR_HASH_KEY = "a-rotated-hash-key-" + uuid.uuid4().hex
    assert Client().get(f"/api/v1/receipts/{code}").status_code == 404


def test_status_pending_then_published_then_an_answer(client):
    pin, code = pin_with_receipt(client)
    assert client.get(f"/api/v1/receipts/{code}").json()["contributions"][0]["status"] == "pending"
    decide(pin, ModerationStatus.APPROVED, response="Thanks, this helps.")
    item = client.get(f"/api/v1/receipts/{code.upper()}").json()["contributions"][0]
    assert item["status"] == "published" and item["note"] == "Thanks, this helps."
    assert item["kind"] == "pin" and item["id"] == str(pin.pk)


def test_a_flagged_contribution_just_says_pending(client):
    pin, code = pin_with_receipt(client)
    decide(pin, ModerationStatus.PENDING, flagged=True)
    assert client.get(f"/api/v1/receipts/{code}").json()["contributions"][0]["status"] == "pending"
    decide(pin, ModerationStatus.ESCALATED, flagged=True)
    assert client.get(f"/api/v1/receipts/{code}").json()["contributions"][0]["status"] == "pending"
    decide(pin, ModerationStatus.REJECTED, rejection_reason="off-topic")
    body = client.get(f"/api/v1/receipts/{code}").json()
    assert body["contributions"][0]["status"] == "not-published"


def test_an_idea_shows_the_partnerships_answer_once_published(client):
    response = post_json(
        client,
        "/api/v1/proposals",
        {
            "title": "Boxing club",
            "what": "sport",
            "where": "south",
            "when": "evenings",
            "why": "Fit.",
        },
    )
    code = response.json()["receipt"]
    proposal = Proposal.objects.get()
    assert client.get(f"/api/v1/receipts/{code}").json()["contributions"][0]["answer"] is None
    decide(proposal, ModerationStatus.APPROVED, published_text="Boxing club\nFit.")
    Proposal.objects.filter(pk=proposal.pk).update(
        status=ResponseStatus.PLANNED, response="Spring."
    )
    answer = client.get(f"/api/v1/receipts/{code}").json()["contributions"][0]["answer"]
    assert (answer["status"], answer["text"]) == ("planned", "Spring.")


def test_unknown_and_malformed_codes_are_404(client):
    for code in ("acorn-album-amber-00", "not-a-code"):
        response = client.get(f"/api/v1/receipts/{code}")
        assert response.status_code == 404
        assert "code" in errors_of(response)


def test_delete_removes_everything_for_good_photo_included(client, home_page, settings):
    response = client.post(
        "/have-your-say/pin/",
        {**UNSAFE_AT_CASTLE_PARK, "photo": SimpleUploadedFile("p.jpg", fx.jpeg_with_gps())},
    )
    code = receipt_in(response.content.decode())
    pin = Pin.objects.get()
    photo = settings.PRIVATE_MEDIA_ROOT / pin.photo
    item_id = pin.moderation_id
    assert photo.exists()
    with_callbacks = client.delete(f"/api/v1/receipts/{code}")
    assert with_callbacks.json() == {"deleted": 1}
    assert not Pin.objects.exists()
    assert not ModerationItem.objects.filter(pk=item_id).exists()
    assert not Receipt.objects.exists()
    assert client.get(f"/api/v1/receipts/{code}").status_code == 404


def test_the_photo_file_goes_once_the_deletion_commits(
    django_capture_on_commit_callbacks, settings
):
    from participation.services import delete_receipt

    client = Client()
    client.post(
        "/have-your-say/pin/",
        {**UNSAFE_AT_CASTLE_PARK, "photo": SimpleUploadedFile("p.jpg", fx.jpeg_with_gps())},
    )
    pin = Pin.objects.get()
    photo = settings.PRIVATE_MEDIA_ROOT / pin.photo
    with django_capture_on_commit_callbacks(execute=True):
        delete_receipt(pin.receipt)
        assert photo.exists()  # still there until the rows are gone for good
    assert not photo.exists()


def test_the_receipt_page_without_javascript(client, home_page):
    _, code = pin_with_receipt(client)
    looked_up = client.post("/have-your-say/receipt/", {"code": code})
    assert looked_up.status_code == 200
    html = looked_up.content.decode()
    assert "Waiting to be checked" in html and "A place that feels unsafe at Easton" in html
    assert code not in client.get("/have-your-say/receipt/").content.decode()
    ask = client.post("/have-your-say/receipt/", {"code": code, "action": "delete"})
    assert "Are you sure?" in ask.content.decode()
    assert Pin.objects.exists()
    keep = client.post(
        "/have-your-say/receipt/", {"code": code, "action": "delete", "confirm": "no"}
    )
    assert "Are you sure?" not in keep.content.decode() and Pin.objects.exists()
    done = client.post(
        "/have-your-say/receipt/", {"code": code, "action": "delete", "confirm": "yes"}
    )
    assert "Deleted for good" in done.content.decode()
    assert not Pin.objects.exists()


def test_the_receipt_page_explains_a_bad_code(client, home_page):
    response = client.post("/have-your-say/receipt/", {"code": "hello"})
    assert response.status_code == 400
    assert "Codes look like maple-otter-kite-48" in response.content.decode()
    response = client.post("/have-your-say/receipt/", {"code": "acorn-album-amber-00"})
    assert response.status_code == 404
    assert "We could not find anything with that code" in response.content.decode()


def test_guessing_codes_from_one_address_is_slowed_down(client, home_page):
    for _ in range(30):
        client.get("/api/v1/receipts/acorn-album-amber-00")
    response = client.get("/api/v1/receipts/acorn-album-amber-01")
    assert response.status_code == 429
    page = client.post("/have-your-say/receipt/", {"code": "acorn-album-amber-02"})
    assert page.status_code == 429
    assert "Please wait ten minutes" in page.content.decode()


def test_the_receipt_forms_429_says_when_to_try_again(client, home_page):
    for _ in range(30):
        client.post("/have-your-say/receipt/", {"code": "acorn-album-amber-00"})
    page = client.post("/have-your-say/receipt/", {"code": "acorn-album-amber-02"})
    assert page.status_code == 429
    assert page["Retry-After"] == "600"
    api = client.get("/api/v1/receipts/acorn-album-amber-03")
    assert (api.status_code, api["Retry-After"]) == (429, "600")


def test_one_word_for_a_contribution_waiting_for_moderation(client):
    # The create answer and the receipt agree: the contract's word is "pending".
    created = post_json(client, "/api/v1/pins", {"feeling": "unsafe", "place": "easton"}).json()
    receipt = client.get(f"/api/v1/receipts/{created['receipt']}").json()
    assert created["status"] == receipt["contributions"][0]["status"] == "pending"
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert schema["ContributionStatusOut"]["properties"]["status"]["enum"] == [
        "pending",
        "published",
        "not-published",
    ]
    page = client.post("/have-your-say/receipt/", {"code": created["receipt"]}).content.decode()
    assert "status--pending" in page and "A person has not finished checking it yet." in page
