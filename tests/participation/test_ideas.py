"""Ideas for youth provision: proposing, publishing after moderation, supporting, answers."""

import uuid

import pytest

from django.test import Client

from moderation.models import ModerationStatus
from participation.contributors import COOKIE_NAME
from participation.models import Proposal, ResponseStatus, Support

from .conftest import errors_of, post_json
from .factories import (
    ApprovedProposalFactory,
    OutcomeFactory,
    ProgressNoteFactory,
    ProposalFactory,
    SupportFactory,
)

pytestmark = pytest.mark.django_db

IDEA = {
    "title": "Friday night youth club",
    "what": "youth-club",
    "where": "hartcliffe",
    "when": "evenings",
    "why": "Nowhere to go when it gets dark.",
}


def test_an_idea_through_the_api_is_pending_with_a_receipt(client):
    response = post_json(client, "/api/v1/proposals", IDEA)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "pending"
    proposal = Proposal.objects.get(pk=body["id"])
    assert (proposal.place.slug, proposal.area) == ("hartcliffe", "south")
    assert proposal.moderation.kind == "proposal"
    assert proposal.moderation.status == ModerationStatus.PENDING
    assert proposal.moderation_text() == "Friday night youth club\nNowhere to go when it gets dark."


def test_an_idea_can_be_for_a_part_of_the_city(client):
    response = post_json(client, "/api/v1/proposals", {**IDEA, "where": "east-central"})
    proposal = Proposal.objects.get(pk=response.json()["id"])
    assert (proposal.place, proposal.area) == (None, "east-central")


def test_idea_idempotency_follows_the_same_rules(client):
    key = str(uuid.uuid4())
    first = post_json(client, "/api/v1/proposals", IDEA, key=key)
    again = post_json(client, "/api/v1/proposals", IDEA, key=key)
    other = post_json(client, "/api/v1/proposals", {**IDEA, "why": "Other."}, key=key)
    missing = post_json(client, "/api/v1/proposals", IDEA, key=None)
    assert [r.status_code for r in (first, again, other, missing)] == [201, 200, 422, 400]
    assert again.json() == first.json()
    assert Proposal.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"what": "casino"}, "what"),
        ({"where": "narnia"}, "where"),
        ({"when": "never"}, "when"),
        ({"why": ""}, "why"),
        ({"why": "x" * 1001}, "why"),
        ({"title": "x" * 121}, "title"),
    ],
)
def test_idea_validation_names_the_field(client, change, field):
    response = post_json(client, "/api/v1/proposals", {**IDEA, **change})
    assert response.status_code == 400
    assert field in errors_of(response)


def test_only_published_ideas_are_listed_and_only_in_their_published_words(client, home_page):
    published = ApprovedProposalFactory(title="Skate park lights", why="It is dark.")
    published.moderation.published_text = "Skate park lights\nIt is dark near [name]'s house."
    published.moderation.save()
    ProposalFactory(title="Pending idea")
    ProposalFactory(
        title="Flagged idea", moderated=ModerationStatus.ESCALATED, moderated__flagged=True
    )
    ProposalFactory(title="Rejected idea", moderated=ModerationStatus.REJECTED)
    listed = client.get("/api/v1/proposals").json()
    assert [p["title"] for p in listed] == ["Skate park lights"]
    assert listed[0]["why"] == "It is dark near [name]'s house."
    html = client.get("/have-your-say/ideas/").content.decode()
    assert "Skate park lights" in html and "[name]" in html
    for hidden in ("Pending idea", "Flagged idea", "Rejected idea", "It is dark."):
        assert hidden not in html.replace("It is dark near", "")


def test_support_is_once_per_contributor(client):
    proposal = ApprovedProposalFactory()
    SupportFactory(proposal=proposal)
    first = client.post(f"/api/v1/proposals/{proposal.pk}/support")
    again = client.post(f"/api/v1/proposals/{proposal.pk}/support")
    someone_else = Client(REMOTE_ADDR="198.51.100.7").post(
        f"/api/v1/proposals/{proposal.pk}/support"
    )
    assert [r.json()["supporters"] for r in (first, again, someone_else)] == [2, 2, 3]
    assert COOKIE_NAME in first.cookies
    assert Support.objects.filter(proposal=proposal).count() == 3


def test_cookie_cleared_supports_from_one_address_count_once():
    # Before: 25 cookie-cleared supports from one address moved a count from 6 to 31.
    proposal = ApprovedProposalFactory()
    SupportFactory.create_batch(6, proposal=proposal)
    url = f"/api/v1/proposals/{proposal.pk}/support"
    answers = [Client(REMOTE_ADDR="203.0.113.5").post(url) for _ in range(25)]
    assert {answer.json()["supporters"] for answer in answers} == {7}


def test_supports_from_one_ipv6_network_count_once():
    proposal = ApprovedProposalFactory()
    url = f"/api/v1/proposals/{proposal.pk}/support"
    for host in ("1", "2", "ffff:1"):
        Client(REMOTE_ADDR=f"2001:db8:0:7::{host}").post(url)
    assert Client(REMOTE_ADDR="2001:db8:0:8::1").post(url).json()["supporters"] == 2


def test_an_unpublished_idea_cannot_be_supported(client):
    proposal = ProposalFactory()
    response = client.post(f"/api/v1/proposals/{proposal.pk}/support")
    assert response.status_code == 404
    assert "proposal_id" in errors_of(response)
    assert client.post(f"/have-your-say/ideas/{proposal.pk}/support/").status_code == 404


def test_supporting_on_the_page_without_javascript(client, home_page):
    proposal = ApprovedProposalFactory(title="Music studio")
    response = client.post(f"/have-your-say/ideas/{proposal.pk}/support/")
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "1 person supports this idea." in html
    assert "You support this idea." in html
    client.post(f"/have-your-say/ideas/{proposal.pk}/support/")
    assert proposal.supports.count() == 1


def test_sharing_an_idea_without_javascript(client, home_page):
    key = str(uuid.uuid4())
    response = client.post("/have-your-say/ideas/new/", {**IDEA, "idempotency_key": key})
    assert response.status_code == 201
    assert "your idea has been sent" in response.content.decode()
    bad = client.post("/have-your-say/ideas/new/", {**IDEA, "what": ""})
    assert bad.status_code == 400
    assert 'href="#id_what">Choose what kind of thing' in bad.content.decode()


def test_staff_answers_are_public_with_the_idea(client, home_page):
    proposal = ApprovedProposalFactory(
        status=ResponseStatus.NOT_POSSIBLE,
        status_reason="The building is being sold.",
        response="We are looking for another place nearby.",
    )
    ProgressNoteFactory(proposal=proposal, text="Visited two church halls.")
    answer = client.get("/api/v1/proposals").json()[0]["response"]
    assert answer["status"] == "not-possible"
    assert answer["reason"] == "The building is being sold."
    assert answer["progress"][0]["text"] == "Visited two church halls."
    assert answer["updated"]
    html = client.get("/have-your-say/ideas/").content.decode()
    assert "Not possible" in html and "Visited two church halls." in html


def test_not_possible_needs_a_reason():
    from django.core.exceptions import ValidationError

    proposal = ApprovedProposalFactory()
    proposal.status = ResponseStatus.NOT_POSSIBLE
    with pytest.raises(ValidationError):
        proposal.clean()


def test_you_said_we_did_by_area_and_by_idea(client, home_page):
    planned = ApprovedProposalFactory(area="south", status=ResponseStatus.PLANNED)
    ApprovedProposalFactory(area="north")  # received, no answer yet: not listed here
    OutcomeFactory(area="south", proposals=[planned], we_did="Friday club from March.")
    OutcomeFactory(area="north", we_did="Lights on the Downs path.", live=False)
    html = client.get("/have-your-say/you-said-we-did/").content.decode()
    assert "South Bristol" in html and "Friday club from March." in html
    assert "Planned" in html
    assert "Lights on the Downs path." not in html
    assert 'id="area-north"' not in html
    south_only = client.get("/have-your-say/you-said-we-did/?area=north").content.decode()
    assert "Friday club from March." not in south_only


def test_new_contributors_from_one_network_are_rate_limited(settings):
    # Before: one address became 300 contributors in 20 seconds, clearing its cookie each time.
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "contributor-address": (3, 3600),
    }
    proposal = ApprovedProposalFactory()
    url = f"/api/v1/proposals/{proposal.pk}/support"
    answers = [Client(REMOTE_ADDR="203.0.113.77").post(url) for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
    assert answers[-1].has_header("Retry-After")
