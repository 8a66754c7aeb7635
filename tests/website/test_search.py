"""Site search (/search/): live pages through Wagtail search, and the services directory."""

import pytest

from efh.pages import RAGStatus
from tests.efh.factories import (
    ActionPlanPageFactory,
    ActionPlanThemeFactory,
    GuidancePageFactory,
    ReferralPathwayPageFactory,
    step,
)
from tests.services_directory.factories import ServiceFactory


def body(text: str) -> list[dict]:
    return [
        {"type": "heading", "value": "What to look for"},
        {"type": "paragraph", "value": f"<p>{text}</p>"},
    ]


def test_search_finds_guidance_by_a_word_in_its_body(client, efh_index):
    page = GuidancePageFactory(
        parent=efh_index,
        title="Someone taking over a home",
        body=body("Dealers may use cuckooing to take over a vulnerable person's flat."),
    )
    GuidancePageFactory(parent=efh_index, title="Unrelated", body=body("Nothing to see here."))
    html = client.get("/search/?q=cuckooing").content.decode()
    assert f'<a href="{page.url}">Someone taking over a home</a>' in html
    assert "Unrelated" not in html
    assert "1 page and 0 services found" in html


def test_search_reaches_pathway_steps_and_action_plan_proposals(client, efh_index):
    pathway = ReferralPathwayPageFactory(
        parent=efh_index, title="How to refer", steps=[step("Call the multiagency hub")]
    )
    theme = ActionPlanThemeFactory(name="Contextualise our systems")
    plan = ActionPlanPageFactory(parent=efh_index, proposals=[(3, theme, RAGStatus.NOT_STARTED)])
    plan.proposals.update(proposal="Develop shared flagging of referrals to the mechanism.")
    plan.save_revision().publish()
    assert f'href="{pathway.url}"' in client.get("/search/?q=multiagency").content.decode()
    assert f'href="{plan.url}"' in client.get("/search/?q=flagging").content.decode()


def test_drafts_are_never_found(client, efh_index):
    GuidancePageFactory(
        parent=efh_index, title="Draft", publish=False, body=body("A secret word: zebracrossing.")
    )
    html = client.get("/search/?q=zebracrossing").content.decode()
    assert "0 pages and 0 services found" in html
    assert "Draft" not in html


def test_search_lists_published_directory_services(client, efh_index):
    found = ServiceFactory(name="Safe Choices", description="Help for young people who run away.")
    ServiceFactory(name="Hidden draft", description="Help for those who run away.", live=False)
    html = client.get("/search/?q=Safe+Choices").content.decode()
    assert f'<a href="{found.get_absolute_url()}">Safe Choices</a>' in html
    assert "Hidden draft" not in html
    assert "0 pages and 1 service found" in html


def test_results_come_in_pages_of_ten(client, efh_index):
    for n in range(12):
        GuidancePageFactory(parent=efh_index, title=f"Bus station {n}", body=body("Coach travel."))
    first = client.get("/search/?q=coach").content.decode()
    assert first.count('class="search-result__type">Guidance page') == 10
    assert "Page 1 of 2" in first
    second = client.get("/search/?q=coach&page=2").content.decode()
    assert second.count('class="search-result__type">Guidance page') == 2
    assert client.get("/search/?q=coach&page=nonsense").status_code == 200


@pytest.mark.django_db
def test_an_overlong_search_is_a_400_with_the_reason(client):
    response = client.get("/search/?q=" + "x" * 201)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Search for 200 characters or fewer." in html
    assert 'aria-describedby="search-q_error"' in html
