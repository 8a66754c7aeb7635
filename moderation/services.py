"""Moderation's use cases. Contributions hand themselves over here (`submit_for_moderation`);
moderators' decisions are recorded here, each in one transaction with its audit entry, and
announced after the commit.

Decisions lock the item's row (`select_for_update`; on SQLite, IMMEDIATE transactions queue
writers), re-read it and check it is still open and not claimed by someone else, so two
moderators acting at once produce exactly one decision."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from staff.names import staff_name

from . import audit, notify, safeguarding
from .contributions import after_decision, original_text
from .due import due_at_for
from .errors import AlreadyDecided, ClaimedByOther, ModerationError, NotAllowed
from .models import AuditAction, ModerationItem, ModerationStatus, RejectionReason, RiskLevel
from .permissions import can_moderate, can_safeguard
from .phrases import current_book
from .scanner import redact, scan

logger = logging.getLogger(__name__)

__all__ = [
    "AlreadyDecided",
    "ClaimedByOther",
    "ModerationError",
    "NotAllowed",
]


def submit_for_moderation(
    contribution: models.Model,
    *,
    kind: str,
    exercise: str = "",
    workshop: str = "",
    has_photo: bool = False,
    source: str = "",
) -> ModerationItem:
    """Creates the pending moderation item of a new contribution, inside the caller's transaction.

    The contribution is never public until a person approves the item. The automatic scan runs
    after the commit (see `on_contribution_committed`), so a rolled-back submission raises nothing.
    `source` is the submission's keyed network fingerprint, for moderation/sources.py.
    """
    item = ModerationItem.objects.create(
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=str(contribution.pk),
        kind=kind,
        exercise=exercise or "",
        workshop=workshop or "",
        has_photo=has_photo,
        source=source,
        has_text=bool(contribution.moderation_text().strip()),
        due_at=due_at_for(workshop=workshop or ""),
    )
    audit.record(item, AuditAction.SUBMITTED, at=item.created_at)
    transaction.on_commit(lambda: on_contribution_committed(item.pk))
    return item


def possible_disclosure(text: str) -> list[str]:
    """The disclosure categories the scan finds in `text` ([] when none; a risk without a category
    still counts, as "possible"), for writers that are not contributions (a listing report)."""
    result = scan(text, current_book())
    level, _score = risk_of(result)
    if result.disclosure:
        return list(result.disclosure)
    return ["possible"] if level != RiskLevel.NONE else []


def hand_to_leads(record: models.Model, *, kind: str, categories: list[str]) -> ModerationItem:
    """Inside the caller's transaction: `record` (a Moderatable holding someone's words) becomes
    an escalated item on the safeguarding queue with an alert to the leads, the same alert a
    contribution's scan raises. The after-commit scan still runs and records its findings."""
    item = submit_for_moderation(record, kind=kind)
    item.flagged, item.status = True, ModerationStatus.ESCALATED
    item.save(update_fields=["flagged", "status"])
    safeguarding.raise_alert(item, categories=categories, source="scan")
    return item


def on_contribution_committed(item_id) -> None:
    """Runs after a contribution is committed: the scan, synchronously, so the contributor's
    confirmation page can already read `item.flagged` (to show help, never to say why)."""
    try:
        scan_item(item_id)
    except Exception:
        logger.exception("scanning moderation item %s failed", item_id)
        # A miss is worse than a false alarm: a lead reads what the scan could not.
        safeguarding.escalate_unscanned(item_id)


def scan_item(item_id) -> ModerationItem | None:
    """Scans the contribution, proposes a redacted published text, flags any disclosure
    (escalating it and raising an alert to the leads after the commit)."""
    with transaction.atomic():
        item = ModerationItem.objects.select_for_update().filter(pk=item_id).first()
        if item is None or not item.is_open:
            return item
        text = original_text(item)
        result = scan(text, current_book())
        item.scan = result.as_dict()
        item.scanned_at = timezone.now()
        item.pii_found = bool(result.pii)
        item.abusive = result.abuse
        item.has_text = bool(text.strip())
        item.risk_level, item.risk_score = risk_of(result)
        item.highlights = list(result.highlights)
        # Safe by default: every span the scan found is redacted in the proposal; a moderator
        # restores what is not personal data with one click.
        item.redactions = [span.as_dict() for span in result.pii]
        item.published_text = redact(text, item.redactions)
        event = "new"
        if item.risk_level == RiskLevel.LIKELY and not item.flagged:
            item.flagged, item.status = True, ModerationStatus.ESCALATED
            safeguarding.raise_alert(item, categories=result.disclosure, source="scan")
            event = "escalated"
        item.save()
        audit.record(item, AuditAction.SCANNED, reason=",".join(result.disclosure))
        transaction.on_commit(lambda: notify.queue_event(item, event))
    return item


def risk_of(result) -> tuple[str, float]:
    """(level, score) of a scan. "likely" goes to the leads; "possible" stays in the general
    queue, at its head, until judged. Categories without a level count as likely: a miss is
    worse than a false alarm."""
    level = result.level if result.level in RiskLevel.values else RiskLevel.NONE
    if level == RiskLevel.NONE and result.disclosure:
        level = RiskLevel.LIKELY
    return level, max(0.0, min(1.0, float(result.score or 0.0)))


def needs_immediate_help(item_id) -> bool:
    """Whether the contributor should see immediate help prominently (never told why)."""
    return ModerationItem.objects.filter(pk=item_id, flagged=True).exists()


# Claims: who is looking at an item, so two moderators never act on one.


def claim_is_live(item: ModerationItem, now=None) -> bool:
    if item.claimed_by_id is None or item.claimed_at is None:
        return False
    now = now or timezone.now()
    return item.claimed_at > now - timedelta(minutes=settings.MODERATION_CLAIM_MINUTES)


def _locked(item_id) -> ModerationItem:
    item = ModerationItem.objects.select_for_update().filter(pk=item_id).first()
    if item is None:
        raise AlreadyDecided("This contribution no longer exists.")
    return item


def _check_may_act(item: ModerationItem, user) -> None:
    if not can_moderate(user):
        raise NotAllowed("You do not have permission to moderate contributions.")
    if item.flagged and not can_safeguard(user):
        raise NotAllowed("Only a safeguarding lead can act on a possible disclosure.")
    if not item.is_open:
        who = f" by {item.decided_by.get_username()}" if item.decided_by_id else ""
        raise AlreadyDecided(f"This contribution has already been {item.status}{who}.")
    if claim_is_live(item) and item.claimed_by_id != user.pk:
        raise ClaimedByOther(f"{staff_name(item.claimed_by)} is dealing with this contribution.")


def claim_lapses_at(item: ModerationItem):
    """When a live claim ends if its holder does nothing more (acting on the item renews it)."""
    if not claim_is_live(item):
        return None
    return item.claimed_at + timedelta(minutes=settings.MODERATION_CLAIM_MINUTES)


def claim(item_id, user) -> ModerationItem:
    """Takes the item for `user` for MODERATION_CLAIM_MINUTES (renewed by acting on it)."""
    with transaction.atomic():
        item = _locked(item_id)
        _check_may_act(item, user)
        item.claimed_by, item.claimed_at = user, timezone.now()
        item.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
        transaction.on_commit(lambda: notify.queue_event(item, "claimed"))
    return item


def take_over(item_id, lead, reason: str) -> ModerationItem:
    """A safeguarding lead takes a live claim from whoever holds it, with a reason kept in the
    audit: the way out when the holder is away and the item cannot wait for the claim to lapse."""
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError("Say why you are taking it over.")
    with transaction.atomic():
        item = _locked(item_id)
        if not can_safeguard(lead):
            raise NotAllowed("Only a safeguarding lead can take over someone else's claim.")
        if not item.is_open:
            raise AlreadyDecided(f"This contribution has already been {item.status}.")
        holder = staff_name(item.claimed_by) if claim_is_live(item) else ""
        item.claimed_by, item.claimed_at = lead, timezone.now()
        item.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
        note = f"Taken over from {holder}: {reason}" if holder else reason
        audit.record(item, AuditAction.CLAIM_TAKEN_OVER, actor=lead, note=note)
        transaction.on_commit(lambda: notify.queue_event(item, "claimed"))
    return item


def release(item_id, user) -> ModerationItem:
    with transaction.atomic():
        item = _locked(item_id)
        if item.claimed_by_id == user.pk:
            item.claimed_by = item.claimed_at = None
            item.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
            transaction.on_commit(lambda: notify.queue_event(item, "released"))
    return item


# Redaction: spans of the original text, toggled one click at a time.


def set_redaction(item_id, user, *, start: int, end: int, kind: str = "manual", on: bool = True):
    """Redacts (on) or restores (off) the span [start, end) of the original text."""
    with transaction.atomic():
        item = _locked(item_id)
        _check_may_act(item, user)
        text = original_text(item)
        if not 0 <= start < end <= len(text):
            raise ModerationError("That part of the text does not exist.")
        spans = [s for s in item.redactions if (s["start"], s["end"]) != (start, end)]
        if on:
            spans.append({"kind": kind, "start": start, "end": end})
        before = item.published_text
        item.redactions = sorted(spans, key=lambda s: s["start"])
        item.published_text = redact(text, item.redactions)
        item.claimed_by, item.claimed_at = user, timezone.now()
        item.save()
        audit.record(
            item, AuditAction.REDACTED, actor=user, before=before, after=item.published_text
        )
        transaction.on_commit(lambda: notify.queue_event(item, "redacted"))
    return item


def redact_words(item_id, user, words: str) -> ModerationItem:
    """Redacts every occurrence of `words` in the original (the no-JavaScript way to redact
    something the scan missed)."""
    words = (words or "").strip()
    text = original_text(ModerationItem.objects.get(pk=item_id))
    lowered, needle, found = text.lower(), words.lower(), []
    position = lowered.find(needle) if needle else -1
    while position >= 0:
        found.append(position)
        position = lowered.find(needle, position + len(needle))
    if not found:
        raise ModerationError("Those words are not in the contribution.")
    item = None
    for start in found:
        item = set_redaction(item_id, user, start=start, end=start + len(needle))
    return item


# Decisions.


def _check_not_flagged(item) -> None:
    if item.flagged:
        raise NotAllowed(
            "A possible disclosure is closed only by a safeguarding lead's decision (referred, "
            "or no further action); a decision that returns it to the queue clears the flag."
        )


def _decide(item, user, status, *, published_text=None, reason="", response=""):
    contribution = item.contribution
    before = item.published_text
    if published_text is not None:
        item.published_text = published_text.strip()
    item.status = status
    item.rejection_reason = reason
    item.response = response.strip()
    item.decided_by, item.decided_at = user, timezone.now()
    item.claimed_by = item.claimed_at = None
    item.save()
    after_decision(item, contribution)
    return before


NO_SIGN_OF_HARM = "read-no-sign-of-harm"


def _check_judged(item) -> None:
    if item.needs_judging:
        raise NotAllowed(
            'The scan found a possible risk: read it and answer "no sign of harm", or escalate '
            "it to a safeguarding lead, before anything else happens to it."
        )


def judge_no_harm(item_id, user) -> ModerationItem:
    """A moderator read a "possible" item and found no sign of harm (recorded and audited); the
    other answer is `escalate`."""
    with transaction.atomic():
        item = _locked(item_id)
        _check_may_act(item, user)
        _check_not_flagged(item)
        if item.harm_judged_at is None:
            item.harm_judged_by, item.harm_judged_at = user, timezone.now()
            item.claimed_by, item.claimed_at = user, timezone.now()
            item.save()
            audit.record(
                item,
                AuditAction.NO_SIGN_OF_HARM,
                actor=user,
                reason=f"{item.risk_level} {item.risk_score:.2f}",
            )
            transaction.on_commit(lambda: notify.queue_event(item, "judged"))
    return item


def approve(
    item_id,
    user,
    *,
    published_text: str | None = None,
    response: str = "",
    no_sign_of_harm: bool = False,
):
    """Publishes the contribution with `published_text` (default: the redacted proposal).

    Words are never approved unread: an item with any needs the moderator's "Read: no sign of
    harm" (`no_sign_of_harm`), recorded with the approval; a "possible" item must have been
    judged first (`judge_no_harm`)."""
    with transaction.atomic():
        item = _locked(item_id)
        _check_may_act(item, user)
        _check_not_flagged(item)
        if item.scanned_at is None:
            raise ModerationError("The automatic scan has not finished yet: try again shortly.")
        _check_judged(item)
        if item.has_text and not no_sign_of_harm:
            raise ModerationError(
                'It has words: open it, read them, and approve with "Read: no sign of harm".'
            )
        before = _decide(
            item, user, ModerationStatus.APPROVED, published_text=published_text, response=response
        )
        audit.record(
            item,
            AuditAction.APPROVED,
            actor=user,
            before=before,
            after=item.published_text,
            note=item.response,
            reason=NO_SIGN_OF_HARM if no_sign_of_harm else "",
        )
        transaction.on_commit(lambda: notify.queue_event(item, "decided"))
    return item


def reject(item_id, user, *, reason: str, note: str = "", response: str = ""):
    if reason not in RejectionReason.values:
        raise ModerationError("Choose why the contribution is not published.")
    with transaction.atomic():
        item = _locked(item_id)
        _check_may_act(item, user)
        _check_not_flagged(item)
        _check_judged(item)
        if reason == RejectionReason.SAFEGUARDING:
            raise ModerationError("Escalate a possible disclosure to a safeguarding lead instead.")
        before = _decide(item, user, ModerationStatus.REJECTED, reason=reason, response=response)
        audit.record(
            item, AuditAction.REJECTED, actor=user, reason=reason, note=note, before=before
        )
        transaction.on_commit(lambda: notify.queue_event(item, "decided"))
    return item


def escalate(item_id, user, *, note: str) -> ModerationItem:
    """A moderator hands a possible disclosure to the safeguarding leads (alert after commit)."""
    if not (note or "").strip():
        raise ModerationError("Say briefly why you are escalating it.")
    with transaction.atomic():
        item = _locked(item_id)
        _check_may_act(item, user)
        if item.flagged:
            raise AlreadyDecided("This contribution is already with the safeguarding leads.")
        item.flagged, item.status = True, ModerationStatus.ESCALATED
        item.escalation_note = note.strip()
        item.claimed_by = item.claimed_at = None
        item.save()
        safeguarding.raise_alert(item, categories=item.disclosure, source="moderator")
        audit.record(
            item,
            AuditAction.ESCALATED,
            actor=user,
            note=item.escalation_note,
            reason=",".join(item.disclosure),
        )
        transaction.on_commit(lambda: notify.queue_event(item, "escalated"))
    return item


def bulk_approve(item_ids, user) -> tuple[list, list]:
    """Approves each item with no flag, no risk, no words and no photo (a feeling, reasons and a
    time only); returns (approved ids, skipped ids). Everything else is opened and read."""
    approved, skipped = [], []
    eligible = set(
        ModerationItem.objects.open()
        .bulk_approvable()
        .filter(pk__in=list(item_ids))
        .values_list("pk", flat=True)
    )
    for item_id in item_ids:
        if item_id not in eligible:
            skipped.append(item_id)
            continue
        try:
            approve(item_id, user)
            approved.append(item_id)
        except ModerationError:
            skipped.append(item_id)
    return approved, skipped


def forget_item(item_id) -> None:
    """Deletes an item for good, keeping only its audit's who, when and what.

    Retention and receipts call this (or delete the item row: a signal erases the audit's free
    text either way)."""
    ModerationItem.objects.filter(pk=item_id).delete()
