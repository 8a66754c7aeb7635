"""Suggesting a place or activity: the page, moderation, the prefilled draft, the published
listing with its badge, the match with an existing listing, and the receipt."""

import re

import pytest

from django.urls import reverse

from coproduction.models import Suggestion
from moderation.models import ModerationStatus
from moderation.services import approve, reject
from services_directory.models import Service
from staff.roles import MODERATORS
from tests.auth import make_staff
from tests.services_directory.factories import LocationFactory, ServiceFactory, at

from .factories import suggestion

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Friday   boxing club",
    "what": "activity",
    "place": "hartcliffe",
    "when": "Fridays 6 to 8pm",
    "who": "anyone",
    "why": "The coaches are kind and it is free.",
    "link": "https://boxing.example.org/",
}


def receipt_of(response) -> str:
    return re.search(r"data-receipt-code>([a-z]+-[a-z]+-[a-z]+-\d\d)<", response.text).group(1)


def test_the_page_works_without_javascript_and_gives_a_receipt(client):
    page = client.get(reverse("coproduction:suggest"))
    assert page.status_code == 200
    assert 'name="idempotency_key"' in page.text and "<script" not in page.text.split("<form")[1]
    response = client.post(reverse("coproduction:suggest"), FORM)
    assert response.status_code == 201
    assert "your suggestion has been sent" in response.text
    assert receipt_of(response)
    made = Suggestion.objects.get()
    assert made.name == "Friday boxing club"
    assert made.place.slug == "hartcliffe" and made.lat is None
    assert made.moderation.kind == "suggestion"
    assert made.moderation.status == ModerationStatus.PENDING
    assert made.receipt is not None and made.contributor


def test_sending_the_same_form_twice_makes_one_suggestion(client):
    page = client.get(reverse("coproduction:suggest"))
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page.text).group(1)
    first = client.post(reverse("coproduction:suggest"), {**FORM, "idempotency_key": key})
    again = client.post(reverse("coproduction:suggest"), {**FORM, "idempotency_key": key})
    assert (first.status_code, again.status_code) == (201, 200)
    assert receipt_of(first) == receipt_of(again)
    assert Suggestion.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "Say what the place or activity is."),
        ({"place": ""}, "place", "Say where: choose a place, or tap the map."),
        ({"place": "narnia"}, "place", "We do not know that place."),
        ({"place": "", "lat": "52.5", "lng": "-1.9"}, "place", "outside Bristol"),
        ({"who": ""}, "who", "Choose who it suits best."),
        ({"why": ""}, "why", "Tell us why it is good for young people."),
        ({"why": "x" * 1001}, "why", "Keep it to 1000 characters"),
        ({"link": "not a link at all"}, "link", "Enter a web address"),
    ],
)
def test_bad_input_gets_the_form_back_with_a_specific_error(client, change, field, message):
    response = client.post(reverse("coproduction:suggest"), {**FORM, **change})
    assert response.status_code == 400
    assert f'id="id_{field}-error"' in response.text
    assert message in response.text
    assert not Suggestion.objects.exists()


def test_a_tapped_position_is_accepted_and_kept_only_until_moderation_decides():
    made = suggestion(place=None, lat=51.45123, lng=-2.59876)
    assert made.moderation_summary()["lat"] == 51.45123
    approve(made.moderation_id, make_staff(MODERATORS), no_sign_of_harm=True)
    made.refresh_from_db()
    assert made.coarsened and made.lat != 51.45123


def test_the_honeypot_refuses_a_bot(client):
    response = client.post(reverse("coproduction:suggest"), {**FORM, "leave_empty": "spam"})
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


def test_a_flood_gets_429_with_retry_after(client, settings):
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "suggestion-contributor": (1, 3600),
    }
    client.post(reverse("coproduction:suggest"), FORM)
    response = client.post(reverse("coproduction:suggest"), {**FORM, "name": "Another"})
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "suggested a lot of places" in response.text


def test_nothing_is_drafted_before_a_person_approves_or_when_rejected():
    pending = suggestion()
    rejected = suggestion(name="Another place")
    reject(rejected.moderation_id, make_staff(MODERATORS), reason="off-topic")
    pending.refresh_from_db(), rejected.refresh_from_db()
    assert (pending.draft, rejected.draft) == (None, None)
    assert not Service.objects.exists()


def test_suggestion_moderation_prefilled_draft_published_listing_with_the_badge(client):
    made = suggestion(why="The coaches are kind. Ask for Dave Smith on 07700 900123.")
    item = made.moderation
    assert "07700 900123" not in item.published_text  # the scan's redaction
    assert "https://boxing.example.org/" not in item.published_text  # links too, by default
    # The moderator keeps the organisation's public link and the redacted number.
    lines = item.published_text.split("\n")
    kept = "\n".join([*lines[:3], "https://boxing.example.org/"])
    approve(item.pk, make_staff(MODERATORS), published_text=kept, no_sign_of_harm=True)
    made.refresh_from_db()
    draft = made.draft
    assert draft is not None and made.match is None
    # A draft for the Directory managers: prefilled from the published (redacted) words only.
    assert not draft.live and draft.suggested_by_young_people
    assert draft.name == "Friday boxing club"
    assert "07700 900123" not in draft.description
    assert "Fridays 6 to 8pm" in draft.description
    assert draft.url == "https://boxing.example.org/"  # as moderated, and only then
    assert draft.service_at_locations.get().location.place.slug == "hartcliffe"
    assert draft.latest_revision is not None
    assert client.get(draft.get_absolute_url()).status_code == 404  # not public as a draft

    draft.save_revision().publish()
    page = client.get(draft.get_absolute_url())
    assert page.status_code == 200
    assert "Suggested by young people" in page.text


def test_a_link_moderation_redacted_is_not_prefilled():
    made = suggestion()
    approve(made.moderation_id, make_staff(MODERATORS), no_sign_of_harm=True)
    made.refresh_from_db()
    assert made.draft.url == ""


def test_a_listing_without_a_suggestion_has_no_badge(client):
    service = ServiceFactory(name="Staff-written youth club")
    page = client.get(service.get_absolute_url())
    assert page.status_code == 200
    assert "Suggested by young people" not in page.text


@pytest.mark.parametrize(
    "name", ["friday BOXING club", "Boxing club"], ids=["same name", "at the same place"]
)
def test_a_suggestion_matching_an_existing_listing_is_offered_as_a_match(name):
    existing = ServiceFactory(name="Hartcliffe Friday Boxing Club")
    if name == "friday BOXING club":
        existing = ServiceFactory(name="Friday Boxing Club")
    else:
        at(existing, LocationFactory(place=suggestion_place()))
    before = Service.objects.count()
    made = suggestion(name=name)
    approve(made.moderation_id, make_staff(MODERATORS), no_sign_of_harm=True)
    made.refresh_from_db()
    assert made.match == existing
    assert made.draft is None
    assert Service.objects.count() == before


def suggestion_place():
    from places.models import NamedPlace

    return NamedPlace.objects.get(slug="hartcliffe")


def test_the_manager_can_make_a_draft_after_all_when_the_match_is_another_place():
    from coproduction.listings import draft_anyway

    ServiceFactory(name="Friday Boxing Club")
    made = suggestion()
    approve(made.moderation_id, make_staff(MODERATORS), no_sign_of_harm=True)
    made.refresh_from_db()
    draft = draft_anyway(made)
    made.refresh_from_db()
    assert (made.draft, made.match) == (draft, None)
    assert draft.suggested_by_young_people and not draft.live


def test_the_receipt_page_shows_the_suggestion_and_deletes_it_for_good(client):
    sent = client.post(reverse("coproduction:suggest"), FORM)
    code = receipt_of(sent)
    made = Suggestion.objects.get()
    page = client.post(reverse("participation:receipt"), {"code": code})
    assert page.status_code == 200
    assert "A suggestion: an activity or club (Hartcliffe)" in page.text
    assert "Waiting to be checked" in page.text

    client.post(
        reverse("participation:receipt"), {"code": code, "action": "delete", "confirm": "yes"}
    )
    assert not Suggestion.objects.filter(pk=made.pk).exists()
    assert client.post(reverse("participation:receipt"), {"code": code}).status_code == 404


def test_the_receipt_api_lists_a_suggestion(client):
    code = receipt_of(client.post(reverse("coproduction:suggest"), FORM))
    body = client.get(f"/api/v1/receipts/{code}").json()
    assert [(c["kind"], c["status"]) for c in body["contributions"]] == [("suggestion", "pending")]
    assert client.delete(f"/api/v1/receipts/{code}").json() == {"deleted": 1}
    assert not Suggestion.objects.exists()
