"""Back to young people: a completed safety-plan action reaches "You said, we did" only after a
second coordinator approves the words one coordinator proposed; the words are redacted, never a
report's, and every step is audited."""

import pytest

from django.test import Client
from django.urls import reverse

from concerns.choices import AuditAction, PublicationStatus
from concerns.models import ActionPublication, ConcernAudit
from concerns.services import PublicationRefused, approve_publication, propose_publication
from participation.models import Outcome
from places.models import NamedPlace
from staff.roles import CONTEXT_COORDINATORS
from tests.auth import make_staff, sign_in

from .factories import ConcernReportFactory, LocationAssessmentFactory, SafetyActionFactory

pytestmark = pytest.mark.django_db

YOU_SAID = "The underpass felt unsafe on the way home from school."
WE_DID = "The council fixed the lights and a youth worker now walks the route on Fridays."


@pytest.fixture
def second_client():
    return sign_in(Client(), make_staff(CONTEXT_COORDINATORS))


@pytest.fixture
def assessment():
    place = NamedPlace.objects.get(slug="knowle-west")
    return LocationAssessmentFactory(place=place)


@pytest.fixture
def done(assessment):
    return SafetyActionFactory(assessment=assessment, rag="done")


def propose(client, assessment, action, **words):
    data = {
        "publish-action": action.pk,
        "publish-area": "south",
        "publish-you_said": words.get("you_said", YOU_SAID),
        "publish-we_did": words.get("we_did", WE_DID),
    }
    return client.post(reverse("concerns_assessments:propose", args=[assessment.pk]), data)


def approve(client, assessment, publication):
    return client.post(
        reverse("concerns_assessments:approve", args=[assessment.pk]),
        {"approve-publication": publication.pk},
    )


def public_page() -> str:
    return Client().get(reverse("participation:you-said-we-did")).content.decode()


def test_the_proposer_is_refused_and_a_second_coordinator_publishes(
    coordinator_client, coordinator, second_client, assessment, done
):
    assert propose(coordinator_client, assessment, done).status_code == 302
    publication = ActionPublication.objects.get(action=done)
    assert publication.status == PublicationStatus.PROPOSED
    assert publication.proposed_by == coordinator
    assert WE_DID not in public_page()

    refused = approve(coordinator_client, assessment, publication)
    assert refused.status_code == 400
    assert "a second coordinator must approve" in refused.content.decode()
    assert not Outcome.objects.exists()

    assert approve(second_client, assessment, publication).status_code == 302
    publication.refresh_from_db()
    assert publication.status == PublicationStatus.PUBLISHED
    outcome = Outcome.objects.get(pk=publication.outcome_id)
    assert (outcome.area, outcome.you_said, outcome.we_did, outcome.live) == (
        "south",
        YOU_SAID,
        WE_DID,
        True,
    )
    assert WE_DID in public_page()
    entries = ConcernAudit.objects.filter(assessment_id=assessment.pk)
    assert {e.action for e in entries} >= {
        AuditAction.PROPOSED,
        AuditAction.APPROVED,
        AuditAction.PUBLISHED,
    }
    assert entries.get(action=AuditAction.PROPOSED).actor == coordinator
    assert entries.get(action=AuditAction.PUBLISHED).detail == f"outcome {outcome.pk}"


def test_approving_twice_adds_one_outcome(coordinator, assessment, done):
    publication = propose_publication(done, coordinator, area="south", you_said="a", we_did="b")
    second = make_staff(CONTEXT_COORDINATORS)
    approve_publication(publication, second)
    with pytest.raises(PublicationRefused):
        approve_publication(publication, make_staff(CONTEXT_COORDINATORS))
    assert Outcome.objects.count() == 1


def test_the_rule_holds_in_the_use_case_too(coordinator, assessment, done):
    publication = propose_publication(done, coordinator, area="south", you_said="a", we_did="b")
    with pytest.raises(PublicationRefused, match="second coordinator"):
        approve_publication(publication, coordinator)
    assert not Outcome.objects.exists()


def test_proposing_again_needs_a_new_approval_by_someone_else(
    coordinator_client, coordinator, second_client, assessment, done
):
    propose(coordinator_client, assessment, done)
    # The second coordinator rewrites the words: now they are the proposer, the first approves.
    propose(second_client, assessment, done, we_did="Lights were fixed on the path.")
    publication = ActionPublication.objects.get(action=done)
    assert approve(second_client, assessment, publication).status_code == 400
    assert approve(coordinator_client, assessment, publication).status_code == 302
    assert Outcome.objects.get().we_did == "Lights were fixed on the path."


def test_only_a_completed_action_can_be_proposed(coordinator_client, assessment):
    open_action = SafetyActionFactory(assessment=assessment, rag="amber")
    assert propose(coordinator_client, assessment, open_action).status_code == 400
    assert not ActionPublication.objects.exists()
    with pytest.raises(PublicationRefused):
        propose_publication(open_action, None, area="south", you_said="a", we_did="b")


def test_completing_an_action_makes_it_proposable(coordinator_client, assessment):
    action = SafetyActionFactory(assessment=assessment, rag="amber")
    url = reverse("concerns_assessments:set_rag", args=[assessment.pk])
    response = coordinator_client.post(url, {"rag-action": action.pk, "rag-rag": "done"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.rag == "done"
    assert propose(coordinator_client, assessment, action).status_code == 302


def test_names_and_contact_details_are_redacted_from_the_public_words(
    coordinator_client, second_client, assessment, done
):
    propose(
        coordinator_client,
        assessment,
        done,
        we_did="Call 07700 900123 or write to jo.bloggs@example.org about the new lights.",
    )
    publication = ActionPublication.objects.get(action=done)
    assert "07700" not in publication.we_did and "jo.bloggs" not in publication.we_did
    approve(second_client, assessment, publication)
    html = public_page()
    assert "new lights" in html
    assert "07700" not in html and "jo.bloggs@example.org" not in html


def test_words_copied_from_a_report_are_refused(coordinator_client, assessment, done):
    ConcernReportFactory(
        assessment=assessment,
        status="linked",
        what_seen="Older men handing small packages to boys in school uniform by the bins.",
    )
    response = propose(
        coordinator_client,
        assessment,
        done,
        you_said="You told us about men handing small packages to boys near here.",
    )
    assert response.status_code == 400
    assert "repeat a report" in response.content.decode()
    assert not ActionPublication.objects.exists()


def test_the_assessment_page_shows_the_two_steps(
    coordinator_client, second_client, assessment, done
):
    url = reverse("concerns_assessments:detail", args=[assessment.pk])
    assert "Propose for “You said, we did”" in coordinator_client.get(url).content.decode()
    propose(coordinator_client, assessment, done)
    mine = coordinator_client.get(url).content.decode()
    assert "Waiting for a second coordinator" in mine and "Approve and publish" not in mine
    assert "Approve and publish" in second_client.get(url).content.decode()
