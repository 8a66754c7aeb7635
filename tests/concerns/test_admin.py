"""The coordinators' screens: the queue of new reports, a report (opening it is audited), linking
it to an assessment or closing it with a reason, an assessment with its safety plan, printing it;
refused input comes back with its errors, never a 500."""

import datetime
from pathlib import Path

import pytest

from django.urls import reverse

from concerns.models import ConcernAudit, ConcernReport, LocationAssessment
from places.models import NamedPlace

from .factories import ConcernReportFactory, LocationAssessmentFactory, SafetyActionFactory

pytestmark = pytest.mark.django_db


def audited(action, **ids):
    return ConcernAudit.objects.filter(action=action, **ids).count()


def test_the_queue_lists_new_reports_only_unless_asked(coordinator_client):
    new = ConcernReportFactory(location_text="Behind the leisure centre")
    ConcernReportFactory(status="closed", close_reason="duplicate", location_text="Old one")
    html = coordinator_client.get(reverse("concerns_reports:index")).content.decode()
    assert "Behind the leisure centre" in html and "Old one" not in html
    assert reverse("concerns_reports:report", args=[new.pk]) in html
    assert "data-concerns-live" in html
    closed = coordinator_client.get(reverse("concerns_reports:index"), {"status": "closed"})
    assert "Old one" in closed.content.decode()


def test_opening_a_report_shows_it_and_is_audited(coordinator, coordinator_client):
    report = ConcernReportFactory(what_seen="Boys waiting by the back door every night.")
    response = coordinator_client.get(reverse("concerns_reports:report", args=[report.pk]))
    assert response.status_code == 200
    assert "Boys waiting by the back door every night." in response.content.decode()
    entry = ConcernAudit.objects.get(action="opened-report", report_id=report.pk)
    assert entry.actor == coordinator and entry.actor_name == coordinator.username


def test_a_coordinator_opens_an_assessment_from_a_report_then_links_another(coordinator_client):
    place = NamedPlace.objects.active().first()
    first, second = ConcernReportFactory(named_place=place), ConcernReportFactory()
    response = coordinator_client.post(
        reverse("concerns_reports:new_assessment", args=[first.pk]),
        {
            "new-title": "The takeaway on Stapleton Road",
            "new-place": place.pk,
            "new-status": "open",
        },
    )
    assessment = LocationAssessment.objects.get()
    assert response["Location"] == reverse("concerns_assessments:detail", args=[assessment.pk])
    first.refresh_from_db()
    assert (first.status, first.assessment) == ("linked", assessment)
    coordinator_client.post(
        reverse("concerns_reports:link", args=[second.pk]), {"assessment": assessment.pk}
    )
    second.refresh_from_db()
    assert second.assessment == assessment and second.named_place == place
    assert audited("linked", assessment_id=assessment.pk) == 2
    assert audited("created-assessment", assessment_id=assessment.pk) == 1


def test_closing_needs_a_reason(coordinator_client):
    report = ConcernReportFactory()
    refused = coordinator_client.post(reverse("concerns_reports:close", args=[report.pk]), {})
    assert refused.status_code == 400
    assert "This field is required" in refused.content.decode()
    coordinator_client.post(
        reverse("concerns_reports:close", args=[report.pk]),
        {"reason": "individual", "note": "Referred to First Response by phone"},
    )
    report.refresh_from_db()
    assert (report.status, report.close_reason) == ("closed", "individual")
    assert ConcernAudit.objects.get(action="closed", report_id=report.pk).detail == "individual"


def test_linking_to_a_closed_or_missing_assessment_is_refused(coordinator_client):
    report = ConcernReportFactory()
    closed = LocationAssessmentFactory(status="closed")
    for value in (closed.pk, 999999, "nonsense"):
        response = coordinator_client.post(
            reverse("concerns_reports:link", args=[report.pk]), {"assessment": value}
        )
        assert response.status_code == 400
    assert ConcernReport.objects.get().status == "new"


def test_the_safety_plan_takes_actions_and_prints_on_a4(coordinator_client):
    assessment = LocationAssessmentFactory(title="Temple Meads forecourt")
    ConcernReportFactory(assessment=assessment, status="linked", what_seen="Seen at 11pm.")
    url = reverse("concerns_assessments:new_action", args=[assessment.pk])
    refused = coordinator_client.post(url, {"action-description": "Visit"})
    assert refused.status_code == 400
    coordinator_client.post(
        url,
        {
            "action-description": "Extra patrols on Friday nights",
            "action-owner_agency": "Avon and Somerset Police",
            "action-due_date": "2030-03-01",
            "action-rag": "red",
        },
    )
    detail = coordinator_client.get(reverse("concerns_assessments:detail", args=[assessment.pk]))
    html = detail.content.decode()
    assert "Extra patrols on Friday nights" in html and "Red: not on track" in html
    assert "Seen at 11pm." in html
    printed = coordinator_client.get(reverse("concerns_assessments:print", args=[assessment.pk]))
    html = printed.content.decode()
    assert "concerns/css/print.css" in html and "Extra patrols on Friday nights" in html
    assert audited("printed", assessment_id=assessment.pk) == 1
    assert audited("opened-assessment", assessment_id=assessment.pk) == 1


def test_the_print_css_is_set_for_a4():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("concerns/css/print.css")).read_text()
    assert "size: A4" in css


def test_changing_status_and_review_date(coordinator_client):
    assessment = LocationAssessmentFactory()
    SafetyActionFactory(assessment=assessment)
    url = reverse("concerns_assessments:edit", args=[assessment.pk])
    bad = coordinator_client.post(url, {"title": "", "status": "somewhere"})
    assert bad.status_code == 400
    coordinator_client.post(
        url, {"title": assessment.title, "status": "closed", "review_date": "2030-01-31"}
    )
    assessment.refresh_from_db()
    assert assessment.status == "closed" and assessment.closed_at is not None
    assert assessment.review_date == datetime.date(2030, 1, 31)


def test_a_new_assessment_without_a_report(coordinator_client):
    assert coordinator_client.get(reverse("concerns_assessments:new")).status_code == 200
    assert coordinator_client.post(reverse("concerns_assessments:new"), {}).status_code == 400
    response = coordinator_client.post(
        reverse("concerns_assessments:new"), {"title": "Castle Park", "status": "open"}
    )
    assert response.status_code == 302
    index = coordinator_client.get(reverse("concerns_assessments:index")).content.decode()
    assert "Castle Park" in index


def test_an_unknown_report_or_assessment_is_404(coordinator_client):
    import uuid

    assert (
        coordinator_client.get(reverse("concerns_reports:report", args=[uuid.uuid4()])).status_code
        == 404
    )
    assert (
        coordinator_client.get(reverse("concerns_assessments:detail", args=[999])).status_code
        == 404
    )


def test_the_audit_lists_who_opened_what(coordinator, coordinator_client):
    report = ConcernReportFactory(what_seen="CANARY-AUDIT words")
    coordinator_client.get(reverse("concerns_reports:report", args=[report.pk]))
    html = coordinator_client.get(reverse("concerns_audit:index")).content.decode()
    assert "Report opened" in html and coordinator.username in html and str(report.pk) in html
    assert "CANARY-AUDIT" not in html
