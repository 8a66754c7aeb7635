"""Retention on schedule: unlinked reports go after CONCERNS_UNLINKED_REPORT_DAYS; reports of an
assessment closed for CONCERNS_CLOSED_ASSESSMENT_TEXT_DAYS lose their text and the reporter's
details while the plan stays; the audit keeps no report text before or after."""

from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from concerns.audit import record
from concerns.models import (
    ConcernAudit,
    ConcernReport,
    ImmutableAuditError,
    ReportCategory,
    SafetyAction,
)
from concerns.retention import purge_concerns

from .factories import ConcernReportFactory, LocationAssessmentFactory, SafetyActionFactory

pytestmark = pytest.mark.django_db

WORDS = "CANARY-RETAIN boys collected in a silver car"


def aged(report, days):
    ConcernReport.objects.filter(pk=report.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return report


def audit_text() -> str:
    return " ".join(str(row) for row in ConcernAudit.objects.values_list())


def test_unlinked_reports_are_deleted_on_schedule_and_the_audit_keeps_no_text(settings):
    settings.CONCERNS_UNLINKED_REPORT_DAYS = 365
    old = aged(ConcernReportFactory(what_seen=WORDS), 366)
    old_closed = aged(ConcernReportFactory(what_seen=WORDS, status="closed"), 400)
    young = aged(ConcernReportFactory(what_seen=WORDS), 364)
    linked = aged(
        ConcernReportFactory(what_seen=WORDS, assessment=LocationAssessmentFactory()), 900
    )
    record("opened-report", report=old)

    result = purge_concerns()

    assert result.deleted == 2
    assert set(ConcernReport.objects.values_list("pk", flat=True)) == {young.pk, linked.pk}
    for gone in (old, old_closed):
        assert ConcernAudit.objects.filter(report_id=gone.pk, action="deleted").exists()
    assert "CANARY-RETAIN" not in audit_text()
    # Nothing of a deleted report is left behind, its profile category rows included.
    assert set(ReportCategory.objects.values_list("report_id", flat=True)) == {young.pk, linked.pk}
    assert purge_concerns().deleted == 0  # idempotent


def test_closed_assessments_keep_their_plan_and_drop_report_text(settings):
    settings.CONCERNS_CLOSED_ASSESSMENT_TEXT_DAYS = 180
    now = timezone.now()
    long_closed = LocationAssessmentFactory(status="closed", closed_at=now - timedelta(days=181))
    recently = LocationAssessmentFactory(status="closed", closed_at=now - timedelta(days=10))
    still_open = LocationAssessmentFactory(status="monitoring")
    SafetyActionFactory(assessment=long_closed)
    faded, kept, open_one = (
        ConcernReportFactory(
            assessment=a, status="linked", what_seen=WORDS, reporter_name="Sam", email="s@x.org"
        )
        for a in (long_closed, recently, still_open)
    )

    result = purge_concerns()

    assert result.text_dropped == 1
    faded.refresh_from_db()
    assert faded.text_dropped and faded.what_seen == "" and faded.reporter_name == ""
    assert faded.email == "" and faded.location_text == "" and faded.lat is None
    assert faded.place_type and faded.categories  # what is counted stays
    assert SafetyAction.objects.filter(assessment=long_closed).exists()
    for other in (kept, open_one):
        other.refresh_from_db()
        assert other.what_seen == WORDS
    assert ConcernAudit.objects.filter(report_id=faded.pk, action="text-dropped").exists()
    assert purge_concerns().text_dropped == 0


def test_the_command_runs_the_rules(settings, capsys):
    settings.CONCERNS_UNLINKED_REPORT_DAYS = 1
    aged(ConcernReportFactory(), 2)
    call_command("purge_concerns")
    assert "1 unlinked reports deleted" in capsys.readouterr().out
    assert not ConcernReport.objects.exists()


def test_the_audit_is_append_only():
    entry = record("opened-report", report=ConcernReportFactory())
    with pytest.raises(ImmutableAuditError):
        entry.save()
    with pytest.raises(ImmutableAuditError):
        entry.delete()
    with pytest.raises(ImmutableAuditError):
        ConcernAudit.objects.all().delete()
    with pytest.raises(ImmutableAuditError):
        ConcernAudit.objects.update(detail="x")
