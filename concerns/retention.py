"""How long reports about places are kept (manage.py purge_concerns, daily).

- A report never linked to an assessment is deleted `CONCERNS_UNLINKED_REPORT_DAYS` after it
  arrived, closed or not: nothing was done with it that the partnership must account for.
- An assessment closed for `CONCERNS_CLOSED_ASSESSMENT_TEXT_DAYS` keeps its plan, its dates and
  its reports' kind of place, categories and dates, but its reports lose every free text and
  every contact detail of the reporter.

The audit holds no report text at all (ids, actions and fixed reasons only), so a deleted report
leaves nothing of what was reported behind; each deletion and each removal is itself audited."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import audit
from .choices import AssessmentStatus, AuditAction
from .models import ConcernReport

DROPPED_FIELDS = {
    "what_seen": "",
    "location_text": "",
    "when_text": "",
    "reporter_name": "",
    "agency": "",
    "email": "",
    "phone": "",
    "close_note": "",
    "lat": None,
    "lng": None,
}


@dataclass
class Purged:
    deleted: int = 0
    text_dropped: int = 0

    def __str__(self):
        return f"{self.deleted} unlinked reports deleted, {self.text_dropped} reports' text removed"


@transaction.atomic
def purge_concerns(now=None) -> Purged:
    now = now or timezone.now()
    result = Purged()
    expired = ConcernReport.objects.unlinked().filter(
        created_at__lt=now - timedelta(days=settings.CONCERNS_UNLINKED_REPORT_DAYS)
    )
    for report in expired.only("pk"):
        audit.record(AuditAction.DELETED, report=report)
        result.deleted += 1
    expired.delete()

    closed_before = now - timedelta(days=settings.CONCERNS_CLOSED_ASSESSMENT_TEXT_DAYS)
    fading = ConcernReport.objects.filter(
        assessment__status=AssessmentStatus.CLOSED,
        assessment__closed_at__lt=closed_before,
        text_dropped=False,
    )
    for report in fading.only("pk", "assessment_id"):
        audit.record(AuditAction.TEXT_DROPPED, report=report)
        result.text_dropped += 1
    fading.update(text_dropped=True, removed={}, **DROPPED_FIELDS)
    return result
