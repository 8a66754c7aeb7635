"""New reports, live to the coordinators' queue over `/ws/concerns/` (consumers.py).

The event names the report and where it is, never what the reporter wrote: the queue row links
to the report, whose opening is audited."""

from django.urls import reverse
from django.utils import timezone

from security.live import group_send

COORDINATORS_GROUP = "concerns-coordinators"


def report_payload(report) -> dict:
    return {
        "id": str(report.pk),
        "place_type": report.get_place_type_display(),
        "reporter": report.get_reporter_display(),
        "received": timezone.localtime(report.created_at).strftime("%d %b %Y %H:%M"),
        "url": reverse("concerns_reports:report", args=[report.pk]),
    }


def announce_report(report) -> None:
    group_send(COORDINATORS_GROUP, {"type": "report.received", "report": report_payload(report)})
