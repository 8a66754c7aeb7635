"""The moderation pages in the Wagtail admin: the queue and its filters, one item with its
spans and map, decisions with clear 4xx errors, bulk approval, the photo, the dashboard."""

import json
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from moderation import services
from moderation.models import ModerationItem, ModerationStatus
from places.models import NamedPlace
from tests.auth import make_staff, sign_in
from tests.moderation.factories import ScannedPinFactory, ScannedProposalFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/queue/"


def review(item_id):
    return reverse("moderation_queue:review", args=[item_id])


def test_the_queue_lists_unflagged_items_with_their_flags(moderator_client):
    plain = ScannedPinFactory()
    wordless = ScannedPinFactory(comment="")
    phone = ScannedPinFactory(comment="call 07700 900123")
    flagged = ScannedPinFactory(comment="i want to kill myself")
    html = moderator_client.get(QUEUE).content.decode()
    assert str(plain.moderation_id) in html and str(phone.moderation_id) in html
    assert str(flagged.moderation_id) not in html
    assert "personal data" in html
    # Only items nobody needs to read (no words, photo or flag) can be ticked for bulk approval.
    assert f'value="{wordless.moderation_id}" form="bulk-approve"' in html
    for must_be_read in (plain, phone):
        assert f'value="{must_be_read.moderation_id}" form="bulk-approve"' not in html


def test_a_queue_row_says_what_and_where_with_the_words_masked_or_blurred(
    moderator_client, lead_client
):
    easton = NamedPlace.objects.get(slug="easton")
    phone = ScannedPinFactory(
        comment="text 07700 900123 about the dark bit by the bins", lat=easton.lat, lng=easton.lng
    )
    wordless = ScannedPinFactory(comment="")
    abusive = ScannedPinFactory(comment="fuck this place, it is a shithole")
    flagged = ScannedPinFactory(comment="they make me carry stuff for them and i cant say no")
    html = moderator_client.get(QUEUE).content.decode()
    row = row_of(html, phone.moderation_id)
    assert "Unsafe place near Easton" in row
    assert "text [phone number removed] about the dark bit" in row and "900123" not in row
    assert "No words" in row_of(html, wordless.moderation_id)
    assert 'class="moderation-blurred" aria-hidden="true"' in row_of(html, abusive.moderation_id)
    assert "Blurred (Abusive language): open it to read." in row_of(html, abusive.moderation_id)
    lead_html = lead_client.get("/admin/moderation/safeguarding/").content.decode()
    flagged_row = row_of(lead_html, flagged.moderation_id)
    assert "Possible disclosure: Unsafe place near" in flagged_row
    assert 'class="moderation-blurred" aria-hidden="true"' in flagged_row


def row_of(html: str, item_id) -> str:
    return re.search(rf'<tr[^>]*data-item-id="{item_id}".*?</tr>', html, re.S).group(0)


def test_the_queue_filters_by_flags_type_workshop_and_age(moderator_client):
    pin = ScannedPinFactory(comment="call 07700 900123")
    proposal = ScannedProposalFactory()
    ModerationItem.objects.filter(pk=proposal.moderation_id).update(workshop="KX4P")
    cases = {
        "?flags=personal-data": {pin},
        "?flags=none": {proposal},
        "?kind=proposal": {proposal},
        "?workshop=kx4p": {proposal},
        "?age=7": set(),
    }
    for query, expected in cases.items():
        html = moderator_client.get(QUEUE + query).content.decode()
        shown = {c for c in (pin, proposal) if str(c.moderation_id) in html}
        assert shown == expected, query


def test_the_queue_page_costs_the_same_queries_for_5_or_60_items(moderator_client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert moderator_client.get(QUEUE).status_code == 200
        return len(captured)

    ScannedPinFactory.create_batch(5)
    few = queries()
    ScannedPinFactory.create_batch(55)
    assert queries() <= few + 1  # a page of 50, never a query per row


def test_the_review_page_highlights_personal_data_and_shows_the_exact_place(moderator_client):
    pin = ScannedPinFactory(comment="Jake sells from the flat, text 07700 900123")
    html = moderator_client.get(review(pin.moderation_id)).content.decode()
    assert 'class="moderation-span moderation-span--phone is-redacted"' in html
    assert 'class="moderation-span moderation-span--name is-redacted"' in html
    assert "[name removed] sells from the flat, text [phone number removed]" in html
    position = json.loads(re.search(r'id="item-position"[^>]*>(.*?)</script>', html).group(1))
    assert (position["lat"], position["lng"]) == (pin.lat, pin.lng)
    assert "moderation/js/item-map.js" in html and "leaflet.js" in html
    assert "<script>" not in html.split('id="item-position"')[0].rsplit("moderation-review", 1)[-1]


def test_distressing_text_and_photos_are_hidden_until_asked_for(lead_client):
    pin = ScannedPinFactory(comment="fuck this place, i want to die", photo="p.jpg")
    html = lead_client.get(
        reverse("moderation_safeguarding:review", args=[pin.moderation_id])
    ).content.decode()
    # Blurred (a CSS filter, hidden from screen readers) under a warning naming what it is.
    text_at = html.index("i want to die")
    blurred_at = html.rfind('<div class="moderation-blurred" aria-hidden="true" inert', 0, text_at)
    assert blurred_at > html.rfind("</div>", 0, text_at)
    assert "Content warning: Self-harm and suicide, Abusive language." in html
    assert 'class="moderation-photo moderation-blurred"' in html
    assert "Show what they sent" in html


def test_redacting_and_restoring_with_one_click_each(moderator_client):
    pin = ScannedPinFactory(comment="ask Tyrone about it")
    name = pin.moderation.pii[0]
    url = reverse("moderation_queue:redact", args=[pin.moderation_id])
    response = moderator_client.post(url, {"start": name["start"], "end": name["end"]})
    assert response.status_code == 302
    assert ModerationItem.objects.get(pk=pin.moderation_id).published_text == "ask Tyrone about it"
    moderator_client.post(
        url, {"start": name["start"], "end": name["end"], "kind": "name", "on": "1"}
    )
    assert (
        ModerationItem.objects.get(pk=pin.moderation_id).published_text
        == "ask [name removed] about it"
    )


def test_approving_goes_on_to_the_next_item(moderator_client):
    first, second = ScannedPinFactory(), ScannedPinFactory()
    response = moderator_client.post(
        reverse("moderation_queue:approve", args=[first.moderation_id]),
        {
            "published_text": "The underpass feels unsafe.",
            "response": "Thanks",
            "no_sign_of_harm": "1",
        },
    )
    assert response.status_code == 302
    assert moderator_client.get(response["Location"])["Location"] == review(second.moderation_id)
    item = ModerationItem.objects.get(pk=first.moderation_id)
    assert (item.status, item.published_text, item.response) == (
        "approved",
        "The underpass feels unsafe.",
        "Thanks",
    )


def test_a_decision_already_made_is_a_clear_409(moderator_client):
    pin = ScannedPinFactory()
    services.approve(
        pin.moderation_id, make_staff("Moderators", username="amira"), no_sign_of_harm=True
    )
    response = moderator_client.post(
        reverse("moderation_queue:reject", args=[pin.moderation_id]), {"reason": "spam"}
    )
    assert response.status_code == 409
    assert "already been approved by amira" in response.content.decode()


def test_a_claimed_item_is_a_clear_409_for_another_moderator(moderator_client):
    pin = ScannedPinFactory()
    services.claim(pin.moderation_id, make_staff("Moderators", username="ben"))
    response = moderator_client.post(reverse("moderation_queue:approve", args=[pin.moderation_id]))
    assert response.status_code == 409 and "ben is dealing with" in response.content.decode()
    assert ModerationItem.objects.get(pk=pin.moderation_id).status == ModerationStatus.PENDING


@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("reject", {}, "This field is required"),
        ("reject", {"reason": "not-a-reason"}, "Select a valid choice"),
        ("escalate", {"note": ""}, "This field is required"),
        ("redact", {"start": "9", "end": "2"}, "must come after its start"),
        ("redact", {"start": "0", "end": "5000"}, "does not exist"),
        ("redact_words", {"words": "not in it"}, "not in the contribution"),
    ],
)
def test_bad_input_is_a_clear_4xx_and_nothing_changes(moderator_client, action, data, message):
    pin = ScannedPinFactory()
    before = ModerationItem.objects.get(pk=pin.moderation_id)
    response = moderator_client.post(
        reverse(f"moderation_queue:{action}", args=[pin.moderation_id]), data
    )
    assert response.status_code in (400, 409)
    assert message in response.content.decode()
    after = ModerationItem.objects.get(pk=pin.moderation_id)
    assert (after.status, after.published_text) == (before.status, before.published_text)


def test_a_lead_records_a_referral_from_the_page(lead_client, lead):
    pin = ScannedPinFactory(comment="they made me hold a bag for them")
    url = reverse("moderation_safeguarding:decide", args=[pin.moderation_id])
    incomplete = lead_client.post(url, {"outcome": "referred"})
    assert incomplete.status_code == 400
    assert "Choose the pathway you referred through" in incomplete.content.decode()
    response = lead_client.post(
        url, {"outcome": "referred", "pathway": "nrm", "referred_to": "NRM first responder"}
    )
    assert response.status_code == 302
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert item.status == "rejected" and item.decisions.get().referred_to == "NRM first responder"


def test_bulk_approval_from_the_queue(moderator_client):
    plain = ScannedPinFactory.create_batch(2, comment="")
    phone = ScannedPinFactory(comment="call 07700 900123")
    ids = [str(p.moderation_id) for p in [*plain, phone]] + ["not-a-uuid"]
    response = moderator_client.post(
        reverse("moderation_queue:bulk_approve"), {"item": ids}, follow=True
    )
    assert "Approved 2 contributions" in response.content.decode()
    assert ModerationItem.objects.filter(status="approved").count() == 2


def test_the_photo_is_private_and_never_cached(moderator_client, settings):
    settings.PRIVATE_MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.PRIVATE_MEDIA_ROOT / "x.jpg").write_bytes(b"\xff\xd8\xff photo bytes")
    pin = ScannedPinFactory(photo="x.jpg")
    response = moderator_client.get(reverse("moderation_queue:photo", args=[pin.moderation_id]))
    assert response.status_code == 200
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert b"".join(response.streaming_content) == b"\xff\xd8\xff photo bytes"
    missing = ScannedPinFactory()
    assert (
        moderator_client.get(
            reverse("moderation_queue:photo", args=[missing.moderation_id])
        ).status_code
        == 404
    )


def test_the_dashboard_says_what_is_waiting(lead_client, moderator_client):
    ScannedPinFactory()
    ScannedPinFactory(comment="i want to die")
    lead_html = lead_client.get("/admin/").content.decode()
    assert "1 waiting in the moderation queue" in lead_html
    assert (
        "1 possible disclosure for a lead" in lead_html
        and "1 alert not yet acknowledged" in lead_html
    )
    moderator_html = moderator_client.get("/admin/").content.decode()
    assert "1 waiting" in moderator_html and "possible disclosure" not in moderator_html


def test_the_audit_shows_before_and_after_text_to_leads(lead_client, moderator):
    pin = ScannedPinFactory(comment="call 07700 900123")
    services.approve(
        pin.moderation_id,
        moderator,
        published_text="call [phone number removed]",
        no_sign_of_harm=True,
    )
    html = lead_client.get(f"/admin/moderation/audit/?item_id={pin.moderation_id}").content.decode()
    assert moderator.username in html and "call [phone number removed]" in html


def test_the_audit_puts_decisions_first_and_links_each_item(lead_client, moderator):
    pin = ScannedPinFactory(comment="the lights are out by the shops")
    services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    gone = ScannedPinFactory(comment="")
    services.reject(gone.moderation_id, moderator, reason="spam")
    gone.delete_for_good()
    audit = "/admin/moderation/audit/"
    html = rows(lead_client.get(audit))
    assert "Approved" in html and "Received" not in html and "Scanned automatically" not in html
    review_link = f'href="{review(pin.moderation_id)}"'
    assert review_link in html and f"pin {str(pin.moderation_id)[:8]}" in html
    assert review(gone.moderation_id) not in html  # deleted for good: nothing to open
    everything = rows(lead_client.get(audit + "?show=all"))
    assert "Received" in everything and "Scanned automatically" in everything
    picked = rows(lead_client.get(audit + "?action=scanned"))
    assert "Scanned automatically" in picked and "Approved" not in picked


def rows(response) -> str:
    """The listing's rows (the filters' own options name every action)."""
    listing = response.content.decode().split('class="listing', 1)[1]
    return listing.split("<tbody", 1)[1].split("</tbody>", 1)[0]


def test_next_says_when_the_queue_is_empty(moderator_client):
    response = moderator_client.get(reverse("moderation_queue:next"), follow=True)
    assert "The queue is empty" in response.content.decode()


def test_someone_elses_claim_shows_on_the_page(moderator_client):
    pin = ScannedPinFactory()
    other = make_staff("Moderators", username="chen")
    services.claim(pin.moderation_id, other)
    html = moderator_client.get(review(pin.moderation_id)).content.decode()
    assert "chen is dealing with this contribution" in html
    sign_in(moderator_client, other)
    assert (
        "You have claimed this contribution"
        in moderator_client.get(review(pin.moderation_id)).content.decode()
    )
