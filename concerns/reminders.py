"""Review reminders (manage.py send_assessment_reminders, daily): on an open assessment's review
date, its coordinator gets one email saying the review is due (moving the date brings a new
reminder on the new date). Safe to run as often as wanted: one reminder per assessment per review date."""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from . import audit
from .choices import AuditAction
from .models import LocationAssessment

SUBJECT = "A location assessment is due for review"


def _body(assessment, base_url: str) -> str:
    # The title and the link only: an email leaves our systems, so it carries no report detail.
    url = base_url.rstrip("/") + reverse("concerns_assessments:detail", args=[assessment.pk])
    return (
        f"The location assessment “{assessment.title}” was due for review on "
        f"{assessment.review_date:%d %B %Y}.\n\nOpen it (sign-in needed): {url}\n"
    )


def send_review_reminders(base_url: str, today=None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for assessment in LocationAssessment.objects.review_due(today).select_related("coordinator"):
        with transaction.atomic():
            locked = (
                LocationAssessment.objects.select_for_update()
                .review_due(today)
                .filter(pk=assessment.pk)
                .first()
            )
            if locked is None:
                continue  # another run reminded them a moment ago
            recipient = assessment.coordinator.email if assessment.coordinator else ""
            if recipient:
                send_mail(SUBJECT, _body(locked, base_url), None, [recipient])
            locked.reminded_for = locked.review_date
            locked.save(update_fields=["reminded_for"])
            audit.record(AuditAction.REMINDED, assessment=locked, detail=str(locked.review_date))
            sent += 1
    return sent
