"""The use cases of places of concern: each one transaction, live news after the commit."""

import hashlib
import json
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.outcomes import add_outcome

from . import audit, live
from .choices import AssessmentStatus, AuditAction, PublicationStatus, Rag, ReportStatus
from .limits import count_report
from .models import ActionPublication, ConcernReport, LocationAssessment, SafetyAction
from .redaction import FREE_TEXT_FIELDS as REPORT_TEXT_FIELDS
from .redaction import redact_free_text, redact_text


@dataclass(frozen=True)
class Received:
    report: ConcernReport
    created: bool


def fingerprint(values: dict) -> str:
    canonical = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def submit_report(values: dict, *, idempotency_key: str, address: str) -> Received:
    """Stores a report from the public form, its free text redacted. A retry under the same key
    gets the same report back and is not counted again; the same key with other answers makes a
    new report under a new key."""
    digest = fingerprint(values)
    existing = ConcernReport.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        if existing.fingerprint == digest:
            return Received(existing, created=False)
        idempotency_key = str(uuid.uuid4())
    count_report(address)
    cleaned, removed = redact_free_text(values)
    try:
        with transaction.atomic():
            report = ConcernReport.objects.create(
                idempotency_key=idempotency_key, fingerprint=digest, removed=removed, **cleaned
            )
            audit.record(AuditAction.RECEIVED, report=report)
            transaction.on_commit(lambda: live.announce_report(report))
    except IntegrityError:
        # The same key committed by a concurrent retry a moment ago.
        return Received(ConcernReport.objects.get(idempotency_key=idempotency_key), created=False)
    return Received(report, created=True)


def open_report(report: ConcernReport, user) -> None:
    audit.record(AuditAction.OPENED_REPORT, actor=user, report=report)


@transaction.atomic
def link_report(report: ConcernReport, assessment: LocationAssessment, user) -> None:
    report.assessment = assessment
    report.status = ReportStatus.LINKED
    report.close_reason = ""
    report.decided_by, report.decided_at = user, timezone.now()
    if assessment.place_id and not report.named_place_id:
        report.named_place_id = assessment.place_id
    report.save()
    audit.record(AuditAction.LINKED, actor=user, report=report, assessment=assessment)


@transaction.atomic
def close_report(report: ConcernReport, reason: str, note: str, user) -> None:
    report.status = ReportStatus.CLOSED
    report.close_reason, report.close_note = reason, note
    report.decided_by, report.decided_at = user, timezone.now()
    report.save()
    audit.record(AuditAction.CLOSED, actor=user, report=report, detail=reason)


@transaction.atomic
def create_assessment(user, *, report: ConcernReport | None = None, **fields):
    assessment = LocationAssessment.objects.create(coordinator=user, **fields)
    audit.record(AuditAction.CREATED_ASSESSMENT, actor=user, assessment=assessment)
    if report is not None:
        link_report(report, assessment, user)
    return assessment


@transaction.atomic
def change_assessment(assessment: LocationAssessment, user, **fields) -> None:
    for name, value in fields.items():
        setattr(assessment, name, value)
    if assessment.status == AssessmentStatus.CLOSED and assessment.closed_at is None:
        assessment.closed_at = timezone.now()
    elif assessment.status != AssessmentStatus.CLOSED:
        assessment.closed_at = None
    assessment.save()
    audit.record(
        AuditAction.CHANGED_ASSESSMENT, actor=user, assessment=assessment, detail=assessment.status
    )


@transaction.atomic
def add_action(assessment: LocationAssessment, user, **fields) -> SafetyAction:
    action = SafetyAction.objects.create(assessment=assessment, **fields)
    audit.record(AuditAction.CHANGED_ASSESSMENT, actor=user, assessment=assessment, detail="action")
    return action


@transaction.atomic
def set_action_rag(action: SafetyAction, rag: str, user) -> None:
    action.rag = rag
    action.save(update_fields=["rag"])
    audit.record(
        AuditAction.CHANGED_ASSESSMENT, actor=user, assessment=action.assessment, detail="rag"
    )


# Back to young people: a completed action on "You said, we did", after a second coordinator.


class PublicationRefused(Exception):
    """A publication the rules do not allow (the proposer approving, an action not completed,
    already published)."""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def report_words_in(text: str, assessment: LocationAssessment) -> str:
    """The first run of CONCERNS_PUBLIC_SHARED_WORDS words that `text` shares with a report of
    the assessment (what they saw, where, when), or "": public words are the coordinator's own."""
    size = settings.CONCERNS_PUBLIC_SHARED_WORDS
    runs = set()
    for report in assessment.reports.filter(text_dropped=False):
        for field in REPORT_TEXT_FIELDS:
            said = words(getattr(report, field) or "")
            runs.update(tuple(said[i : i + size]) for i in range(len(said) - size + 1))
    written = words(text)
    for i in range(len(written) - size + 1):
        if tuple(written[i : i + size]) in runs:
            return " ".join(written[i : i + size])
    return ""


def may_approve(publication: ActionPublication, user) -> bool:
    """The two-person rule: whoever proposed the words cannot approve them."""
    return publication.proposed_by_id is not None and publication.proposed_by_id != user.pk


@transaction.atomic
def propose_publication(action: SafetyAction, user, *, area: str, you_said: str, we_did: str):
    """The public words for a completed action, redacted, waiting for a second coordinator. A
    new proposal for the same action replaces the words and needs a new approval."""
    if action.rag != Rag.DONE:
        raise PublicationRefused("Only a completed action can be published.")
    if ActionPublication.objects.filter(action=action, status=PublicationStatus.PUBLISHED).exists():
        raise PublicationRefused("This action is already on You said, we did.")
    you_said, _ = redact_text(you_said.strip())
    we_did, _ = redact_text(we_did.strip())
    publication, _ = ActionPublication.objects.select_for_update().update_or_create(
        action=action,
        status=PublicationStatus.PROPOSED,
        defaults={
            "area": area,
            "you_said": you_said,
            "we_did": we_did,
            "proposed_by": user,
            "proposed_at": timezone.now(),
        },
    )
    audit.record(
        AuditAction.PROPOSED, actor=user, assessment=action.assessment, detail=f"action {action.pk}"
    )
    return publication


@transaction.atomic
def approve_publication(publication: ActionPublication, user) -> int:
    """A second coordinator approves: the outcome is added to "You said, we did" in the same
    transaction (returns its id). Approving twice never adds a second outcome."""
    publication = (
        ActionPublication.objects.select_for_update()
        .select_related("action__assessment")
        .get(pk=publication.pk)
    )
    if publication.status != PublicationStatus.PROPOSED:
        raise PublicationRefused("This action is already on You said, we did.")
    if not may_approve(publication, user):
        raise PublicationRefused("You proposed these words: a second coordinator approves them.")
    action, assessment = publication.action, publication.action.assessment
    if action.rag != Rag.DONE:
        raise PublicationRefused("The action is no longer marked completed.")
    if report_words_in(f"{publication.you_said}\n{publication.we_did}", assessment):
        raise PublicationRefused("The words repeat a report about the place: write them afresh.")
    outcome_id = add_outcome(
        area=publication.area, you_said=publication.you_said, we_did=publication.we_did
    )
    publication.status = PublicationStatus.PUBLISHED
    publication.approved_by, publication.approved_at = user, timezone.now()
    publication.outcome_id = outcome_id
    publication.save()
    audit.record(
        AuditAction.APPROVED, actor=user, assessment=assessment, detail=f"action {action.pk}"
    )
    audit.record(
        AuditAction.PUBLISHED, actor=user, assessment=assessment, detail=f"outcome {outcome_id}"
    )
    return outcome_id
