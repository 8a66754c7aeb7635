import pytest

from demo import participation as demo
from participation.models import Outcome, Pin, Proposal, Reason

pytestmark = pytest.mark.django_db


def test_the_demo_is_idempotent_and_shows_answered_ideas(client, home_page):
    demo.seed(lambda message: None)
    counts = (Proposal.objects.count(), Outcome.objects.count(), Pin.objects.count())
    demo.seed(lambda message: None)
    assert (Proposal.objects.count(), Outcome.objects.count(), Pin.objects.count()) == counts
    assert Proposal.objects.published().count() == len(demo.IDEAS)
    assert not Pin.objects.published().exists()  # the pending ones wait for a moderator
    assert Reason.objects.filter(slug="poor-lighting").exists()
    listed = client.get("/api/v1/proposals").json()
    assert {idea["title"] for idea in listed} == {idea[0] for idea in demo.IDEAS}
    html = client.get("/have-your-say/you-said-we-did/").content.decode()
    assert "Friday evenings" in html
