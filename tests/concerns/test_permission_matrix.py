"""Every role x every view of places of concern: coordinators only, for reports and assessments;
moderators, safeguarding leads, analysts, editors and directory managers get Wagtail's refusal
(as everywhere in our admin: staff/admin.py) and change nothing; anonymous visitors and staff with no role are sent to sign in, and see nothing
but the form. The websocket likewise."""

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from django.test import Client
from django.urls import reverse

from concerns.models import (
    ActionPublication,
    ConcernAudit,
    ConcernReport,
    LocationAssessment,
    SafetyAction,
)
from concerns.services import propose_publication
from participation.models import Outcome
from staff.roles import ALL_GROUPS, CONTEXT_COORDINATORS
from tests.auth import make_staff, refused, sign_in, websocket_headers
from website.asgi import build_application

from .factories import ConcernReportFactory, LocationAssessmentFactory, SafetyActionFactory

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
NO_ROLE = "staff with no role"
WHO = [ANONYMOUS, NO_ROLE, *ALL_GROUPS]


def views(report, assessment):
    """(name, method, url, data) of every view and action of the feature."""
    r, a = {"pk": report.pk}, {"pk": assessment.pk}
    done = SafetyActionFactory(assessment=assessment, rag="done")
    proposed = propose_publication(
        SafetyActionFactory(assessment=assessment, rag="done"),
        make_staff(CONTEXT_COORDINATORS),
        area="south",
        you_said="The park felt unsafe after dark.",
        we_did="New lights went in along the paths.",
    )
    new_assessment = {"title": "Bus station", "status": "open"}
    return [
        ("queue", "get", reverse("concerns_reports:index"), None),
        ("queue results", "get", reverse("concerns_reports:index_results"), None),
        ("report", "get", reverse("concerns_reports:report", kwargs=r), None),
        ("link", "post", reverse("concerns_reports:link", kwargs=r), {"assessment": assessment.pk}),
        (
            "new assessment from report",
            "post",
            reverse("concerns_reports:new_assessment", kwargs=r),
            {f"new-{k}": v for k, v in new_assessment.items()},
        ),
        ("close", "post", reverse("concerns_reports:close", kwargs=r), {"reason": "duplicate"}),
        ("assessments", "get", reverse("concerns_assessments:index"), None),
        ("assessments results", "get", reverse("concerns_assessments:index_results"), None),
        ("new assessment form", "get", reverse("concerns_assessments:new"), None),
        ("new assessment", "post", reverse("concerns_assessments:new"), new_assessment),
        ("assessment", "get", reverse("concerns_assessments:detail", kwargs=a), None),
        (
            "edit assessment",
            "post",
            reverse("concerns_assessments:edit", kwargs=a),
            {"title": "Changed", "status": "monitoring"},
        ),
        (
            "add action",
            "post",
            reverse("concerns_assessments:new_action", kwargs=a),
            {
                "action-description": "Visit",
                "action-owner_agency": "Police",
                "action-due_date": "2030-01-01",
                "action-rag": "amber",
            },
        ),
        ("print", "get", reverse("concerns_assessments:print", kwargs=a), None),
        (
            "action RAG",
            "post",
            reverse("concerns_assessments:set_rag", kwargs=a),
            {"rag-action": done.pk, "rag-rag": "done"},
        ),
        (
            "approve publication",
            "post",
            reverse("concerns_assessments:approve", kwargs=a),
            {"approve-publication": proposed.pk},
        ),
        (
            "propose publication",
            "post",
            reverse("concerns_assessments:propose", kwargs=a),
            {
                "publish-action": done.pk,
                "publish-area": "south",
                "publish-you_said": "The bus stop felt unsafe.",
                "publish-we_did": "Staff now walk by at night.",
            },
        ),
        ("problem profile", "get", reverse("concerns_profile:index"), None),
        ("profile CSV", "get", reverse("concerns_profile:csv"), None),
        ("profile GeoJSON", "get", reverse("concerns_profile:geojson"), None),
        ("audit", "get", reverse("concerns_audit:index"), None),
        ("audit results", "get", reverse("concerns_audit:index_results"), None),
    ]


def client_for(who):
    if who == ANONYMOUS:
        return Client()
    if who == NO_ROLE:
        return sign_in(Client(), make_staff())
    return sign_in(Client(), make_staff(who))


def state():
    return (
        list(ConcernReport.objects.values_list("pk", "status", "assessment_id")),
        list(LocationAssessment.objects.values_list("pk", "title", "status")),
        SafetyAction.objects.count(),
        list(ActionPublication.objects.values_list("pk", "status", "you_said")),
        Outcome.objects.count(),
        ConcernAudit.objects.exclude(action="received").count(),
    )


@pytest.mark.parametrize("who", WHO)
def test_only_coordinators_open_any_view(who):
    report = ConcernReportFactory(what_seen="CANARY-MATRIX words of the report")
    assessment = LocationAssessmentFactory()
    client = client_for(who)
    allowed = who == CONTEXT_COORDINATORS
    for name, method, url, data in views(report, assessment):
        before = state()
        response = getattr(client, method)(url, data or {})
        if allowed:
            assert response.status_code in (200, 302), (name, response.status_code)
            if response.status_code == 302:
                assert "/login/" not in response["Location"], name
            continue
        if who in (ANONYMOUS, NO_ROLE):
            # Staff with no role cannot open the admin at all: Wagtail sends them to sign in.
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("wagtailadmin_login")), name
        else:
            assert refused(response), (who, name, response.status_code)
        assert "CANARY-MATRIX" not in response.content.decode(), (who, name)
        assert state() == before, (who, name)


@pytest.mark.parametrize("who", WHO)
def test_the_public_form_opens_for_everyone(who):
    assert client_for(who).get(reverse("concerns:report")).status_code == 200


@pytest.mark.parametrize("who", [w for w in WHO if w != ANONYMOUS])
def test_the_admin_menu_shows_places_of_concern_to_coordinators_only(who):
    html = client_for(who).get(reverse("wagtailadmin_home")).content.decode()
    assert ('"places-of-concern"' in html) == (who == CONTEXT_COORDINATORS), who


async def _connects(headers) -> bool:
    socket = WebsocketCommunicator(build_application(), "/ws/concerns/", headers=headers)
    connected, _ = await socket.connect()
    await socket.disconnect()
    return connected


@pytest.mark.django_db(transaction=True)
def test_the_live_socket_is_for_coordinators_only():
    from staff.sync import sync_roles

    sync_roles()  # transactional tests flush the groups the migrations made
    results = {who: async_to_sync(_connects)(websocket_headers(client_for(who))) for who in WHO}
    assert results == {who: who == CONTEXT_COORDINATORS for who in WHO}
