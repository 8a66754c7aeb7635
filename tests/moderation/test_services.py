"""Moderation's use cases: the scan on arrival, redaction, decisions and their audit, claims,
and the rules a flagged item lives by."""

import pytest

from django.db import IntegrityError, connection, transaction

from moderation import safeguarding, services
from moderation.errors import AlreadyDecided, ClaimedByOther, ModerationError, NotAllowed
from moderation.models import (
    AuditAction,
    AuditEntry,
    ImmutableAuditError,
    ModerationItem,
    ModerationStatus,
    SafeguardingAlert,
)
from participation.models import Pin, Proposal
from staff.roles import EDITORS
from tests.auth import make_staff
from tests.moderation.factories import ScannedPinFactory, ScannedProposalFactory
from tests.participation.factories import PinFactory

pytestmark = pytest.mark.django_db

# Personal data and nothing else ("a man said text him for a job" would rightly be "possible").
PHONE_TEXT = "the youth club said ring 07700 900123 to book the football pitch"


def actions(item):
    return list(
        AuditEntry.objects.for_item(item.pk).order_by("at", "id").values_list("action", flat=True)
    )


def test_submission_is_pending_and_scanned_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pin = PinFactory(comment=PHONE_TEXT)
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert item.status == ModerationStatus.PENDING and not item.flagged
    start = PHONE_TEXT.index("07700")
    assert item.scan["pii"] == [{"kind": "phone", "start": start, "end": start + 12}]
    assert item.pii_found and item.scanned_at is not None
    # The proposal redacts what the scan found; the original stays with the contribution.
    assert item.published_text == PHONE_TEXT.replace("07700 900123", "[phone number removed]")
    assert Pin.objects.get(pk=pin.pk).comment == PHONE_TEXT
    assert actions(item) == [AuditAction.SUBMITTED, AuditAction.SCANNED]


def test_a_disclosure_is_flagged_escalated_and_alerted_at_once(
    django_capture_on_commit_callbacks, lead, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        pin = PinFactory(comment="im being made to carry stuff for older boys")
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert item.flagged and item.status == ModerationStatus.ESCALATED
    assert item.disclosure == ["criminal-exploitation"]
    assert services.needs_immediate_help(item.pk)
    alert = SafeguardingAlert.objects.get(item=item)
    assert alert.sends == 1 and alert.categories == ["criminal-exploitation"]
    assert [m.to for m in mailoutbox] == [[lead.email]]


def test_a_rolled_back_submission_sends_no_alert(
    django_capture_on_commit_callbacks, lead, mailoutbox
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        PinFactory(comment="i want to kill myself")
        raise RuntimeError("the submission failed after the pin was saved")
    assert callbacks == []
    assert SafeguardingAlert.objects.count() == 0
    assert mailoutbox == []
    assert not ModerationItem.objects.exists()


def test_a_failed_scan_hands_the_item_to_the_leads(monkeypatch, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise ValueError("phrase list unreadable")

    monkeypatch.setattr(services, "scan", broken)
    with django_capture_on_commit_callbacks(execute=True):
        pin = PinFactory(comment="anything at all")
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert item.flagged and item.status == ModerationStatus.ESCALATED
    assert SafeguardingAlert.objects.get(item=item).source == "scan-failed"


def test_approving_publishes_the_redacted_text_and_coarsens_the_pin(moderator):
    pin = ScannedPinFactory(comment=PHONE_TEXT)
    exact = (pin.lat, pin.lng)
    item = services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    pin.refresh_from_db()
    assert item.status == ModerationStatus.APPROVED and item.decided_by == moderator
    assert Pin.objects.published().filter(pk=pin.pk).exists()
    assert "07700" not in item.published_text
    assert pin.coarsened and (pin.lat, pin.lng) != exact
    assert item.raw_location_purged_at is not None
    entry = AuditEntry.objects.get(item_id=item.pk, action=AuditAction.APPROVED)
    assert entry.actor_name == moderator.username and entry.after_text == item.published_text


def test_one_click_redaction_and_restoring(moderator):
    proposal = ScannedProposalFactory(title="Youth club", why="Ask Jake Smith, he runs one")
    item = proposal.moderation
    name = next(span for span in item.pii if span["kind"] == "name")
    services.set_redaction(item.pk, moderator, start=name["start"], end=name["end"], on=False)
    assert (
        ModerationItem.objects.get(pk=item.pk).published_text
        == "Youth club\nAsk Jake Smith, he runs one"
    )
    item = services.set_redaction(
        item.pk, moderator, start=name["start"], end=name["end"], kind="name"
    )
    assert item.published_text == "Youth club\nAsk [name removed], he runs one"
    item = services.redact_words(item.pk, moderator, "Youth club")
    assert item.published_text == "[removed]\nAsk [name removed], he runs one"
    assert actions(item).count(AuditAction.REDACTED) == 3
    with pytest.raises(ModerationError, match="not in the contribution"):
        services.redact_words(item.pk, moderator, "not there")


def test_rejecting_needs_a_reason_and_is_audited(moderator):
    pin = ScannedPinFactory()
    with pytest.raises(ModerationError):
        services.reject(pin.moderation_id, moderator, reason="")
    item = services.reject(pin.moderation_id, moderator, reason="off-topic", note="an advert")
    assert item.status == ModerationStatus.REJECTED and item.rejection_reason == "off-topic"
    entry = AuditEntry.objects.get(item_id=item.pk, action=AuditAction.REJECTED)
    assert (entry.reason, entry.note, entry.before_text) == (
        "off-topic",
        "an advert",
        item.published_text,
    )


def test_a_decision_cannot_be_made_twice(moderator):
    pin = ScannedPinFactory()
    services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    with pytest.raises(AlreadyDecided):
        services.reject(pin.moderation_id, make_staff("Moderators"), reason="spam")


def test_a_claim_keeps_other_moderators_off(moderator):
    other = make_staff("Moderators")
    pin = ScannedPinFactory()
    services.claim(pin.moderation_id, moderator)
    with pytest.raises(ClaimedByOther, match=moderator.username):
        services.approve(pin.moderation_id, other, no_sign_of_harm=True)
    services.release(pin.moderation_id, moderator)
    assert (
        services.approve(pin.moderation_id, other, no_sign_of_harm=True).status
        == ModerationStatus.APPROVED
    )


def test_an_expired_claim_lapses(moderator, settings):
    settings.MODERATION_CLAIM_MINUTES = 0
    pin = ScannedPinFactory()
    services.claim(pin.moderation_id, moderator)
    assert (
        services.approve(pin.moderation_id, make_staff("Moderators"), no_sign_of_harm=True).status
        == "approved"
    )


def test_people_without_the_permission_cannot_decide():
    pin = ScannedPinFactory()
    with pytest.raises(NotAllowed):
        services.approve(pin.moderation_id, make_staff(EDITORS), no_sign_of_harm=True)


def test_a_moderator_escalates_a_possible_disclosure(
    moderator, lead, mailoutbox, django_capture_on_commit_callbacks
):
    pin = ScannedPinFactory(comment="my mate keeps going to parties with a 25 yr old")
    # Not flagged for the leads by the scan (at most "possible"): the moderator's judgement is
    # what raises it.
    assert not ModerationItem.objects.get(pk=pin.moderation_id).flagged
    with django_capture_on_commit_callbacks(execute=True):
        item = services.escalate(pin.moderation_id, moderator, note="age gap, sounds like grooming")
    assert item.flagged and item.status == ModerationStatus.ESCALATED
    assert SafeguardingAlert.objects.get(item=item).source == "moderator"
    assert len(mailoutbox) == 1
    with pytest.raises(ModerationError):
        services.escalate(pin.moderation_id, moderator, note="")


def test_a_flagged_item_can_never_be_approved_until_a_lead_returns_it(moderator, lead):
    pin = ScannedPinFactory(comment="i want to kill myself")
    item_id = pin.moderation_id
    with pytest.raises(NotAllowed, match="safeguarding lead"):
        services.approve(item_id, moderator, no_sign_of_harm=True)
    with pytest.raises(NotAllowed):
        services.approve(
            item_id, lead, no_sign_of_harm=True
        )  # a lead too: only a decision clears the flag
    with pytest.raises(NotAllowed):
        services.reject(item_id, moderator, reason="other")
    # Not even the database takes it.
    with pytest.raises(IntegrityError), transaction.atomic():
        ModerationItem.objects.filter(pk=item_id).update(status=ModerationStatus.APPROVED)


def test_a_flagged_pin_is_never_in_the_published_queryset():
    pin = ScannedPinFactory(comment="he said he'd stab me if i go back to the park")
    assert pin.moderation.flagged
    assert not Pin.objects.published().filter(pk=pin.pk).exists()
    # Even a decision that somehow set it approved would not count while it is flagged.
    ModerationItem.objects.filter(pk=pin.moderation_id).update(flagged=False, status="approved")
    assert Pin.objects.published().filter(pk=pin.pk).exists()


def test_a_lead_refers_a_disclosure_which_is_never_published(lead):
    pin = ScannedPinFactory(comment="my stepdad hits me when hes drunk")
    with pytest.raises(ModerationError) as error:
        safeguarding.record_decision(pin.moderation_id, lead, outcome="referred")
    assert set(error.value.errors) == {"pathway", "referred_to"}
    decision = safeguarding.record_decision(
        pin.moderation_id,
        lead,
        outcome="referred",
        pathway="first-response",
        referred_to="First Response duty team, ref 1234",
    )
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert decision.outcome == "referred"
    assert item.status == ModerationStatus.REJECTED and item.rejection_reason == "safeguarding"
    assert item.flagged and not Pin.objects.published().filter(pk=pin.pk).exists()
    assert all(alert.acknowledged_at for alert in item.alerts.all())
    referred = AuditEntry.objects.get(item_id=item.pk, action=AuditAction.REFERRED)
    assert (referred.reason, referred.referred_to) == (
        "first-response",
        "First Response duty team, ref 1234",
    )


def test_a_lead_returns_a_false_alarm_to_the_queue(lead, moderator):
    # Flagged "likely" by the scan (and rightly read first), a false alarm once a lead reads it.
    pin = ScannedPinFactory(comment="i want to kill myself if i fail maths again")
    assert ModerationItem.objects.get(pk=pin.moderation_id).flagged
    with pytest.raises(ModerationError) as error:
        safeguarding.record_decision(pin.moderation_id, lead, outcome="no-further-action")
    assert set(error.value.errors) == {"reason"}
    safeguarding.record_decision(
        pin.moderation_id,
        lead,
        outcome="no-further-action",
        reason="about football, no risk",
        return_to_queue=True,
    )
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert not item.flagged and item.status == ModerationStatus.PENDING
    assert (
        services.approve(item.pk, moderator, no_sign_of_harm=True).status
        == ModerationStatus.APPROVED
    )


def test_only_leads_record_safeguarding_decisions(moderator):
    pin = ScannedPinFactory(comment="i want to die")
    with pytest.raises(NotAllowed):
        safeguarding.record_decision(
            pin.moderation_id, moderator, outcome="referred", pathway="police", referred_to="101"
        )


def test_bulk_approval_takes_only_items_without_flags(moderator):
    plain = [ScannedPinFactory(comment="") for _ in range(3)]
    with_phone = ScannedPinFactory(comment=PHONE_TEXT)
    flagged = ScannedPinFactory(comment="i want to die")
    ids = [p.moderation_id for p in [*plain, with_phone, flagged]]
    approved, skipped = services.bulk_approve(ids, moderator)
    assert set(approved) == {p.moderation_id for p in plain}
    assert set(skipped) == {with_phone.moderation_id, flagged.moderation_id}


def test_the_audit_is_append_only(moderator):
    pin = ScannedPinFactory()
    services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    entry = AuditEntry.objects.filter(item_id=pin.moderation_id).first()
    entry.note = "changed"
    with pytest.raises(ImmutableAuditError):
        entry.save()
    with pytest.raises(ImmutableAuditError):
        entry.delete()
    with pytest.raises(ImmutableAuditError):
        AuditEntry.objects.filter(pk=entry.pk).update(note="changed")
    with pytest.raises(ImmutableAuditError):
        AuditEntry.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_to_change_the_audit(moderator):
    pin = ScannedPinFactory()
    services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    entry = AuditEntry.objects.get(item_id=pin.moderation_id, action=AuditAction.APPROVED)
    for sql in (
        "UPDATE moderation_auditentry SET action = 'rejected' WHERE id = %s",
        "UPDATE moderation_auditentry SET after_text = 'forged' WHERE id = %s",
        "DELETE FROM moderation_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(Exception, match="cannot be"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    # Retention's erasure is the one change it accepts.
    assert AuditEntry.objects.erase_free_text([pin.moderation_id]) >= 1


def test_deleting_a_contribution_leaves_an_audit_without_free_text(moderator):
    proposal = ScannedProposalFactory(why="call me on 07700 900123")
    item_id = proposal.moderation_id
    services.approve(item_id, moderator, no_sign_of_harm=True)
    Proposal.objects.get(pk=proposal.pk).delete_for_good()
    assert not ModerationItem.objects.filter(pk=item_id).exists()
    entries = AuditEntry.objects.for_item(item_id)
    assert {e.action for e in entries} >= {
        AuditAction.SUBMITTED,
        AuditAction.APPROVED,
        AuditAction.DELETED,
    }
    for entry in entries:
        assert (entry.before_text, entry.after_text, entry.note, entry.referred_to) == (
            "",
            "",
            "",
            "",
        )
    assert entries.get(action=AuditAction.APPROVED).actor_name == moderator.username


def test_the_audit_keeps_the_name_of_a_deleted_staff_account(moderator):
    pin = ScannedPinFactory()
    services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    username = moderator.username
    moderator.delete()  # the database lets only this change through (actor set to NULL)
    entry = AuditEntry.objects.get(item_id=pin.moderation_id, action=AuditAction.APPROVED)
    assert entry.actor is None and entry.actor_name == username
