"""No words approved unread: bulk approval takes only items with no words and no photo; every
item with words is approved only with the moderator's "Read: no sign of harm", which the audit
records; a "possible" risk heads the queue and is judged before anything else happens to it."""

import pytest

from django.urls import reverse

from moderation import services
from moderation.errors import ModerationError, NotAllowed
from moderation.models import AuditAction, AuditEntry, ModerationItem, ModerationStatus, RiskLevel
from moderation.scanner import scan
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("moderation_queue:index")


def possible(comment="my mum has been weird since her new boyfriend moved in", **changes):
    """An item the classifier found risky without a phrase hit (set here as the classifier will)."""
    pin = ScannedPinFactory(comment=comment, **changes)
    ModerationItem.objects.filter(pk=pin.moderation_id).update(
        risk_level=RiskLevel.POSSIBLE,
        risk_score=0.62,
        highlights=[{"start": 18, "end": 29, "category": "abuse-at-home"}],
    )
    return ModerationItem.objects.get(pk=pin.moderation_id)


def test_the_scan_reports_a_phrase_hit_as_likely_with_the_words_that_raised_it(settings):
    result = scan("the park is ok. he said hed stab me if i tell anyone")
    # A built-in phrase is one of the model's features: the score is the model's probability.
    assert result.level == "likely" and result.score >= settings.SCAN_LIKELY_THRESHOLD
    text = "the park is ok. he said hed stab me if i tell anyone"
    raised = [text[h["start"] : h["end"]] for h in result.highlights]
    assert any("stab" in words for words in raised)
    assert not any("park" in words for words in raised)
    stab = next(h for h in result.highlights if "stab" in text[h["start"] : h["end"]])
    assert stab["category"] == "weapons-violence"
    assert scan("the park is ok").as_dict()["level"] == "none"


def test_a_scanned_item_stores_its_level_score_and_highlights(settings):
    pin = ScannedPinFactory(comment="i want to kill myself")
    item = pin.moderation
    assert (item.risk_level, item.flagged) == ("likely", True)
    assert item.risk_score >= settings.SCAN_LIKELY_THRESHOLD
    assert item.highlights and {h["category"] for h in item.highlights} == {"self-harm"}
    assert "kill myself" in [pin.comment[h["start"] : h["end"]] for h in item.highlights]
    plain = ScannedPinFactory().moderation
    assert (plain.risk_level, plain.highlights) == ("none", [])
    assert plain.risk_score < settings.SCAN_POSSIBLE_THRESHOLD


def test_a_possible_level_from_the_scan_stays_in_the_queue_unflagged(monkeypatch):
    from moderation.scanner import Assessment, Highlight, ScanResult

    def classifier(text, book=None):
        seen = Highlight(0, 4, text[:4], "model", "missing")
        assessment = Assessment("possible", 0.55, categories=["missing"], highlights=[seen])
        return ScanResult(assessment=assessment)

    monkeypatch.setattr("moderation.services.scan", classifier)
    item = ScannedPinFactory(comment="been sleeping at a mates for days").moderation
    assert (item.risk_level, item.risk_score, item.flagged) == ("possible", 0.55, False)
    assert item.status == ModerationStatus.PENDING and not item.alerts.exists()


def test_bulk_approval_refuses_items_with_words_or_a_photo(moderator, moderator_client):
    wordless = ScannedPinFactory(comment="")
    words = ScannedPinFactory(comment="The underpass is dark.")
    photo = ScannedPinFactory(comment="", photo="p.jpg")
    ids = [wordless.moderation_id, words.moderation_id, photo.moderation_id]
    response = moderator_client.post(
        reverse("moderation_queue:bulk_approve"), {"item": [str(i) for i in ids]}, follow=True
    )
    html = response.content.decode()
    assert "Approved 1 contributions with no words, photo or flags." in html
    assert "2 were not approved: only contributions with no words and no photo" in html
    statuses = dict(ModerationItem.objects.values_list("pk", "status"))
    assert statuses[wordless.moderation_id] == "approved"
    assert statuses[words.moderation_id] == statuses[photo.moderation_id] == "pending"
    # And the service on its own, whoever calls it.
    assert services.bulk_approve([words.moderation_id], moderator) == ([], [words.moderation_id])


def test_the_queue_offers_no_checkbox_for_items_with_words_or_a_photo(moderator_client):
    wordless = ScannedPinFactory(comment="")
    words = ScannedPinFactory(comment="Drunk people outside the shop.")
    photo = ScannedPinFactory(comment="", photo="p.jpg")
    html = moderator_client.get(QUEUE).content.decode()
    assert f'value="{wordless.moderation_id}" form="bulk-approve"' in html
    assert f'value="{words.moderation_id}" form="bulk-approve"' not in html
    assert f'value="{photo.moderation_id}" form="bulk-approve"' not in html


def test_words_are_approved_only_with_no_sign_of_harm_which_is_audited(moderator, moderator_client):
    pin = ScannedPinFactory(comment="The lights by the bus stop are broken.")
    url = reverse("moderation_queue:approve", args=[pin.moderation_id])
    with pytest.raises(ModerationError, match="Read: no sign of harm"):
        services.approve(pin.moderation_id, moderator)
    refused = moderator_client.post(url, {"published_text": "x"})
    assert refused.status_code == 409
    assert ModerationItem.objects.get(pk=pin.moderation_id).status == "pending"
    review = moderator_client.get(reverse("moderation_queue:review", args=[pin.moderation_id]))
    assert "Read: no sign of harm, approve and publish" in review.content.decode()
    moderator_client.post(url, {"no_sign_of_harm": "1"})
    assert ModerationItem.objects.get(pk=pin.moderation_id).status == "approved"
    entry = AuditEntry.objects.get(item_id=pin.moderation_id, action=AuditAction.APPROVED)
    assert (entry.reason, entry.actor) == (services.NO_SIGN_OF_HARM, moderator)


def test_an_item_without_words_needs_no_such_declaration(moderator):
    pin = ScannedPinFactory(comment="")
    assert services.approve(pin.moderation_id, moderator).status == "approved"


def test_a_possible_item_cannot_be_approved_or_rejected_unjudged(moderator, moderator_client):
    item = possible()
    for decide in (
        lambda: services.approve(item.pk, moderator, no_sign_of_harm=True),
        lambda: services.reject(item.pk, moderator, reason="spam"),
    ):
        with pytest.raises(NotAllowed, match="possible risk"):
            decide()
    response = moderator_client.post(
        reverse("moderation_queue:approve", args=[item.pk]), {"no_sign_of_harm": "1"}
    )
    assert response.status_code == 403
    assert ModerationItem.objects.get(pk=item.pk).status == "pending"


def test_judging_a_possible_item_is_recorded_then_it_can_be_approved(moderator):
    item = possible()
    services.judge_no_harm(item.pk, moderator)
    item.refresh_from_db()
    assert item.harm_judged_by == moderator and not item.needs_judging
    judged = AuditEntry.objects.get(item_id=item.pk, action=AuditAction.NO_SIGN_OF_HARM)
    assert judged.actor == moderator and judged.get_action_display() == "Read: no sign of harm"
    assert services.approve(item.pk, moderator, no_sign_of_harm=True).status == "approved"


def test_escalating_is_the_other_answer_to_a_possible_item(moderator):
    item = possible()
    services.escalate(item.pk, moderator, note="sounds like she is scared at home")
    item.refresh_from_db()
    assert item.flagged and item.status == ModerationStatus.ESCALATED
    assert item.alerts.get().source == "moderator"


def test_the_queue_is_ordered_by_risk_then_score_then_age(moderator_client):
    old = ScannedPinFactory(comment="")
    low = possible()
    ModerationItem.objects.filter(pk=low.pk).update(risk_score=0.41)
    high = possible()
    html = moderator_client.get(QUEUE).content.decode()
    at = {
        name: html.index(str(item.pk))
        for name, item in {"old": old.moderation, "low": low, "high": high}.items()
    }
    assert at["high"] < at["low"] < at["old"]
    assert "Possible risk: read it first" in html and "(62%)" in html
    next_item = moderator_client.get(reverse("moderation_queue:next"))
    assert next_item["Location"] == reverse("moderation_queue:review", args=[high.pk])


def test_the_review_shows_the_score_and_the_words_that_raised_it_escaped(moderator_client):
    item = possible(comment="<b>my</b> mum has been weird")
    ModerationItem.objects.filter(pk=item.pk).update(
        highlights=[{"start": 0, "end": 10, "category": "abuse-at-home"}]
    )
    url = reverse("moderation_queue:review", args=[item.pk])
    blurred = moderator_client.get(url).content.decode()
    assert "Content warning: Abuse at home." in blurred and "data-highlighted" not in blurred
    moderator_client.post(reverse("moderation_queue:reveal", args=[item.pk]))
    html = moderator_client.get(url).content.decode()
    assert "Possible risk (score 62%)" in html
    assert '<mark class="moderation-highlight" title="Abuse at home">&lt;b&gt;my&lt;/b&gt;' in html
    assert "<b>my</b>" not in html
    assert "Read: no sign of harm</button>" in html


def test_the_review_page_names_who_read_and_decided_by_their_name_not_their_username(
    moderator, moderator_client
):
    # Staff know each other by name; a username is a sign-in detail, shown nowhere else.
    moderator.first_name, moderator.last_name = "Ada", "Okafor"
    moderator.save()
    item = possible()
    services.judge_no_harm(item.pk, moderator)
    page = moderator_client.get(reverse("moderation_queue:review", args=[item.pk]))
    assert "Ada Okafor read it and found no sign of harm" in page.content.decode()
    services.approve(item.pk, moderator, no_sign_of_harm=True)
    page = moderator_client.get(reverse("moderation_queue:review", args=[item.pk]))
    body = page.content.decode()
    assert "by Ada Okafor" in body
    assert f"by {moderator.get_username()}" not in body
