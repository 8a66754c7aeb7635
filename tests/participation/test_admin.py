"""Staff side: answering ideas, editing reasons and "you said, we did" in the Wagtail admin."""

import pytest

from moderation.models import ModerationStatus
from participation.models import Outcome, Reason, ResponseStatus
from staff.roles import EDITORS, MODERATORS, PARTNERSHIP_ANALYSTS
from tests.auth import make_staff, sign_in

from .factories import ApprovedProposalFactory, ProposalFactory

pytestmark = pytest.mark.django_db

ANSWERS = "/admin/have-your-say/answers/"
REASONS = "/admin/have-your-say/reasons/"
OUTCOMES = "/admin/have-your-say/you-said-we-did/"


def answer_form(**changes) -> dict:
    data = {
        "status": ResponseStatus.PLANNED,
        "status_reason": "",
        "response": "A club opens in the spring.",
        "progress_notes-TOTAL_FORMS": "1",
        "progress_notes-INITIAL_FORMS": "0",
        "progress_notes-MIN_NUM_FORMS": "0",
        "progress_notes-MAX_NUM_FORMS": "1000",
        "progress_notes-0-date": "2026-11-20",
        "progress_notes-0-text": "Found a hall.",
        "progress_notes-0-ORDER": "1",
        "progress_notes-0-DELETE": "",
        "progress_notes-0-id": "",
    }
    return {**data, **changes}


def test_a_moderator_answers_a_published_idea(client):
    proposal = ApprovedProposalFactory(title="Boxing club")
    pending = ProposalFactory(title="Pending words")
    flagged = ProposalFactory(
        title="Flagged words", moderated=ModerationStatus.ESCALATED, moderated__flagged=True
    )
    sign_in(client, make_staff(MODERATORS))
    listing = client.get(ANSWERS)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Boxing club" in html
    assert "Pending words" not in html and "Flagged words" not in html
    assert client.get(f"{ANSWERS}edit/{flagged.pk}/").status_code == 404
    assert client.get(f"{ANSWERS}edit/{pending.pk}/").status_code == 404
    response = client.post(f"{ANSWERS}edit/{proposal.pk}/", answer_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal.refresh_from_db()
    assert proposal.status == ResponseStatus.PLANNED and proposal.responded_at
    assert [note.text for note in proposal.progress_notes.all()] == ["Found a hall."]
    # The young person's words are shown, never edited here.
    assert proposal.title == "Boxing club"


def test_not_possible_needs_a_reason_in_the_admin(client):
    proposal = ApprovedProposalFactory()
    sign_in(client, make_staff(MODERATORS))
    response = client.post(
        f"{ANSWERS}edit/{proposal.pk}/", answer_form(status=ResponseStatus.NOT_POSSIBLE)
    )
    assert response.status_code == 200
    assert "Say why it is not possible" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ResponseStatus.RECEIVED


def test_ideas_cannot_be_added_or_deleted_in_the_admin(client):
    proposal = ApprovedProposalFactory()
    sign_in(client, make_staff(superuser=True))
    assert client.get(f"{ANSWERS}new/").status_code in (403, 302)
    assert client.get(f"{ANSWERS}delete/{proposal.pk}/").status_code in (403, 302)


@pytest.mark.parametrize(
    ("group", "answers", "reasons"),
    [
        (MODERATORS, 200, 200),
        (EDITORS, 302, 200),
        (PARTNERSHIP_ANALYSTS, 302, 302),
    ],
)
def test_who_may_open_what(client, group, answers, reasons):
    sign_in(client, make_staff(group))
    assert client.get(ANSWERS).status_code == answers
    assert client.get(REASONS).status_code == reasons


def test_staff_edit_reasons_and_the_form_offers_them(client, home_page):
    sign_in(client, make_staff(EDITORS))
    response = client.post(
        f"{REASONS}new/",
        {
            "label": "Dogs off the lead",
            "slug": "dogs",
            "feeling": "unsafe",
            "order": "20",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert Reason.objects.filter(slug="dogs").exists()
    assert "Dogs off the lead" in client.get("/have-your-say/pin/").content.decode()
    Reason.objects.filter(slug="dogs").update(active=False)
    assert "Dogs off the lead" not in client.get("/have-your-say/pin/").content.decode()


def test_outcomes_link_ideas_by_their_published_titles_only(client):
    published = ApprovedProposalFactory(title="Skate park")
    ProposalFactory(title="Still pending")
    sign_in(client, make_staff(EDITORS))
    html = client.get(f"{OUTCOMES}new/").content.decode()
    assert "Skate park" in html and "Still pending" not in html
    response = client.post(
        f"{OUTCOMES}new/",
        {
            "area": "south",
            "date": "2026-11-01",
            "live": "on",
            "you_said": "Nowhere to skate.",
            "we_did": "Lights at the skate park.",
            "proposals": [str(published.pk)],
        },
    )
    assert response.status_code == 302
    assert list(Outcome.objects.get().proposals.all()) == [published]
