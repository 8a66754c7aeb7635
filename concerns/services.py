"""The use cases of places of concern: each one transaction, live news after the commit."""

import hashlib
import json
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import audit, live
from .choices import AssessmentStatus, AuditAction, ReportStatus
from .limits import count_report
from .models import ConcernReport, LocationAssessment, SafetyAction
from .redaction import redact_free_text


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
