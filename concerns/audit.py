"""Writing the places-of-concern audit: one entry per open, change and export."""

import uuid

from .models import ConcernAudit


def record(action: str, *, actor=None, report=None, assessment=None, detail: str = ""):
    signed_in = actor is not None and actor.is_authenticated
    report_id = report.pk if report is not None else None
    if isinstance(report_id, str):
        report_id = uuid.UUID(report_id)
    return ConcernAudit.objects.create(
        actor=actor if signed_in else None,
        actor_name=actor.get_username() if signed_in else "",
        action=action,
        report_id=report_id,
        assessment_id=assessment.pk if assessment is not None else None,
        detail=detail[:60],
    )
