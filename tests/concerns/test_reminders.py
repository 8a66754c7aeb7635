"""The review reminder: on an open assessment's review date its coordinator gets one email (no
report detail in it), once per date; a moved date brings a new one; closed ones get none."""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command

from concerns.models import ConcernAudit
from concerns.reminders import send_review_reminders

from .factories import ConcernReportFactory, LocationAssessmentFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2030, 5, 10)


def test_one_reminder_per_review_date_to_the_coordinator(coordinator):
    due = LocationAssessmentFactory(
        title="Cabot Circus car park", coordinator=coordinator, review_date=TODAY
    )
    ConcernReportFactory(assessment=due, status="linked", what_seen="CANARY-MAIL words")
    LocationAssessmentFactory(coordinator=coordinator, review_date=TODAY + datetime.timedelta(1))
    LocationAssessmentFactory(coordinator=coordinator, review_date=TODAY, status="closed")

    assert send_review_reminders("https://spb.example", today=TODAY) == 1
    assert send_review_reminders("https://spb.example", today=TODAY) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    assert "Cabot Circus car park" in message.body
    assert f"https://spb.example/admin/places-of-concern/assessments/{due.pk}/" in message.body
    assert "CANARY-MAIL" not in message.body
    assert ConcernAudit.objects.filter(action="reminded", assessment_id=due.pk).count() == 1

    due.review_date = TODAY + datetime.timedelta(days=30)
    due.save()
    later = TODAY + datetime.timedelta(days=30)
    assert send_review_reminders("https://spb.example", today=later) == 2  # both now due
    assert len(mail.outbox) == 3


def test_the_daily_command(coordinator, capsys):
    LocationAssessmentFactory(coordinator=coordinator, review_date=datetime.date(2020, 1, 1))
    call_command("send_assessment_reminders")
    assert "Review reminders sent: 1" in capsys.readouterr().out
    assert len(mail.outbox) == 1
