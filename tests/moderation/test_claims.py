"""Claims in the interface: the holder alone gets the decision and redaction forms, everyone else
sees who holds the item by name, since when and until when, and a safeguarding lead can take it
over with a reason kept in the audit. The server's 409 stays behind the interface."""

import re
from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from moderation import services
from moderation.errors import ClaimedByOther
from moderation.models import AuditAction, AuditEntry, ModerationItem, ModerationStatus
from tests.auth import make_staff, sign_in
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db

DECISION_FORMS = ("data-approve-form", "data-reject-form", "data-escalate-form")


def review(item_id):
    return reverse("moderation_queue:review", args=[item_id])


def held_by_ben(**pin):
    item = ScannedPinFactory(**pin)
    ben = make_staff("Moderators", username="ben")
    ben.first_name, ben.last_name = "Ben", "Okafor"
    ben.save()
    services.claim(item.moderation_id, ben)
    return item, ben


def test_someone_elses_claim_hides_every_decision_and_redaction_form(moderator_client):
    pin, _ben = held_by_ben(comment="call me on 07700 900123")
    html = moderator_client.get(review(pin.moderation_id)).content.decode()
    for marker in (*DECISION_FORMS, "moderation_queue:redact", 'name="words"'):
        assert marker not in html
    assert reverse("moderation_queue:approve", args=[pin.moderation_id]) not in html
    assert reverse("moderation_queue:redact", args=[pin.moderation_id]) not in html
    assert "Only Ben Okafor can decide while they hold it" in html


def test_the_holder_is_named_with_since_and_lapse_times(moderator_client, settings):
    settings.MODERATION_CLAIM_MINUTES = 20
    pin, _ben = held_by_ben()
    claimed_at = ModerationItem.objects.get(pk=pin.moderation_id).claimed_at
    html = moderator_client.get(review(pin.moderation_id)).content.decode()
    local = timezone.localtime
    assert "Ben Okafor is dealing with this contribution" in html
    assert f'claimed at <time datetime="{local(claimed_at).isoformat()}' in html
    lapses = local(claimed_at + timedelta(minutes=20))
    assert (
        f'the claim lapses at <time datetime="{lapses.isoformat()}">{lapses:%H:%M}</time>' in html
    )


def test_a_holder_without_a_full_name_is_shown_by_username(moderator_client):
    pin = ScannedPinFactory()
    services.claim(pin.moderation_id, make_staff("Moderators", username="chen"))
    html = moderator_client.get(review(pin.moderation_id)).content.decode()
    assert "chen is dealing with this contribution" in html
    assert "Claimed by chen" in moderator_client.get("/admin/moderation/queue/").content.decode()


def test_the_holder_keeps_the_forms_and_sees_when_the_claim_lapses(client):
    pin, ben = held_by_ben()
    html = sign_in(client, ben).get(review(pin.moderation_id)).content.decode()
    for marker in DECISION_FORMS:
        assert marker in html
    assert "You have claimed this contribution, until" in html


def test_a_lapsed_claim_gives_the_forms_back(moderator_client, settings):
    pin, _ben = held_by_ben()
    ModerationItem.objects.filter(pk=pin.moderation_id).update(
        claimed_at=timezone.now() - timedelta(minutes=settings.MODERATION_CLAIM_MINUTES + 1)
    )
    html = moderator_client.get(review(pin.moderation_id)).content.decode()
    for marker in DECISION_FORMS:
        assert marker in html
    assert "is dealing with this contribution" not in html


def test_the_server_still_refuses_a_second_moderator_with_409(moderator_client):
    pin, _ben = held_by_ben()
    response = moderator_client.post(
        reverse("moderation_queue:reject", args=[pin.moderation_id]), {"reason": "off-topic"}
    )
    assert response.status_code == 409
    assert "Ben Okafor is dealing with" in response.content.decode()
    assert ModerationItem.objects.get(pk=pin.moderation_id).status == ModerationStatus.PENDING


def test_only_a_lead_is_offered_the_take_over(moderator_client, lead_client):
    pin, _ben = held_by_ben()
    assert (
        "data-take-over-form"
        not in moderator_client.get(review(pin.moderation_id)).content.decode()
    )
    html = lead_client.get(review(pin.moderation_id)).content.decode()
    assert "data-take-over-form" in html and "Take it over from Ben Okafor" in html


def test_a_lead_takes_over_with_a_reason_kept_in_the_audit(lead_client, lead):
    pin, ben = held_by_ben()
    url = reverse("moderation_queue:take_over", args=[pin.moderation_id])
    response = lead_client.post(url, {"reason": "Ben is off sick and it is due"})
    assert response.status_code == 302
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert item.claimed_by == lead
    entry = AuditEntry.objects.get(item_id=item.pk, action=AuditAction.CLAIM_TAKEN_OVER)
    assert entry.actor == lead
    assert entry.note == "Taken over from Ben Okafor: Ben is off sick and it is due"
    # The former holder is now the one refused.
    with pytest.raises(ClaimedByOther):
        services.approve(item.pk, ben, published_text=None, response="", no_sign_of_harm=True)


def test_a_take_over_without_a_reason_is_a_400_and_changes_nothing(lead_client):
    pin, ben = held_by_ben()
    url = reverse("moderation_queue:take_over", args=[pin.moderation_id])
    response = lead_client.post(url, {"reason": "  "})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert ModerationItem.objects.get(pk=pin.moderation_id).claimed_by == ben
    assert not AuditEntry.objects.filter(action=AuditAction.CLAIM_TAKEN_OVER).exists()


def test_a_moderator_cannot_take_over(moderator_client):
    pin, ben = held_by_ben()
    url = reverse("moderation_queue:take_over", args=[pin.moderation_id])
    response = moderator_client.post(url, {"reason": "mine now"})
    assert response.status_code in (302, 403)
    assert ModerationItem.objects.get(pk=pin.moderation_id).claimed_by == ben


def test_redact_these_words_is_not_marked_required_but_an_empty_box_is_a_clear_400(
    moderator_client,
):
    pin = ScannedPinFactory(comment="near the park")
    html = moderator_client.get(review(pin.moderation_id)).content.decode()
    field = re.search(r'<input[^>]*name="words"[^>]*>', html)[0]
    assert "required" not in field
    url = reverse("moderation_queue:redact_words", args=[pin.moderation_id])
    response = moderator_client.post(url, {"words": "  "})
    assert response.status_code == 400 and "Type the words to redact." in response.content.decode()
