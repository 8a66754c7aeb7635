"""The action plan: proposals grouped under themes, a RAG summary, filters, and staff editing."""

import re

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from efh.pages import ActionPlanPage, RAGStatus
from tests.auth import make_staff, sign_in
from tests.efh.factories import ActionPlanPageFactory, ActionPlanThemeFactory


@pytest.fixture
def themes(db):
    return (
        ActionPlanThemeFactory(name="Contextualise our systems", sort_order=10),
        ActionPlanThemeFactory(name="Protection through participation", sort_order=20),
    )


@pytest.fixture
def plan(efh_index, themes):
    systems, participation = themes
    return ActionPlanPageFactory(
        parent=efh_index,
        proposals=[
            (1, systems, RAGStatus.NOT_STARTED),
            (2, systems, RAGStatus.RED),
            (3, participation, RAGStatus.AMBER),
            (4, participation, RAGStatus.GREEN),
            (5, participation, RAGStatus.GREEN),
        ],
    )


def test_summary_counts_each_rag_status(plan):
    assert plan.status_counts() == [
        ("not-started", "Not started", 1),
        ("red", "Red: off track", 1),
        ("amber", "Amber: at risk", 1),
        ("green", "Green: on track", 2),
        ("complete", "Complete", 0),
    ]


def test_page_groups_proposals_under_themes_in_theme_order(client, plan):
    html = client.get(plan.url).content.decode()
    headings = re.findall(r'<h3 id="theme-[^"]+">(.*?)</h3>', html)
    assert headings == ["Contextualise our systems", "Protection through participation"]
    systems = html[html.index("Contextualise our systems</h3>") : html.index("participation</h3>")]
    assert "Proposal 1" in systems and "Proposal 2" in systems and "Proposal 3" not in systems
    assert "Showing 5 of 5 proposals." in html
    assert "To be confirmed" in html and "To be agreed" in html
    summary = html[html.index('id="rag-summary-heading"') : html.index('id="proposals-heading"')]
    assert re.search(r"rag--green\">2</span> Green: on track", summary)


def test_filters_by_theme_and_status(client, plan):
    html = client.get(plan.url + "?theme=protection-through-participation&status=green").content
    html = html.decode()
    assert "Showing 2 of 5 proposals." in html
    assert re.findall(r'id="proposal-(\d+)"', html) == ["4", "5"]
    html = client.get(plan.url + "?status=complete").content.decode()
    assert "No proposals match these filters." in html
    # The summary always counts the whole plan.
    assert re.search(r"rag--red\">1</span> Red", html)


def test_unknown_filter_is_a_400_with_the_reason(client, plan):
    response = client.get(plan.url + "?status=purple")
    assert response.status_code == 400
    assert "purple is not one of the available choices" in response.content.decode()
    assert client.get(plan.url + "?theme=no-such-theme").status_code == 400


def _plan_form(title: str, proposals: list[dict]) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "plan",
            "intro": rich_text("<p>What we will do.</p>"),
            "governance": rich_text(""),
            "proposals": inline_formset(proposals),
            "last_reviewed": "2026-01-10",
            "next_review_due": "2026-07-10",
            "comments": inline_formset([]),
        }
    )


def _proposal(number, theme, status="not-started", **fields) -> dict:
    return {
        "number": number,
        "theme": theme.pk,
        "proposal": fields.get("proposal", f"Proposal text {number}."),
        "lead": fields.get("lead", ""),
        "due": fields.get("due", ""),
        "status": status,
        "progress": fields.get("progress", ""),
    }


def test_staff_edit_status_lead_date_and_progress_in_the_admin(client, efh_index, themes):
    systems, _ = themes
    sign_in(client, make_staff(superuser=True))
    url = f"/admin/pages/add/efh/actionplanpage/{efh_index.pk}/"
    form = _plan_form(
        "Action plan",
        [
            _proposal(
                1,
                systems,
                "amber",
                lead="Safeguarding partnership",
                due="2026-09-30",
                progress="Terms of reference agreed.",
            )
        ],
    )
    response = client.post(url, {**form, "action-publish": "Publish"})
    assert response.status_code == 302
    plan = ActionPlanPage.objects.get(slug="plan")
    html = client.get(plan.url).content.decode()
    assert "Safeguarding partnership" in html
    assert "September 2026" in html
    assert "Terms of reference agreed." in html
    assert '<strong class="rag rag--amber">Amber: at risk</strong>' in html


def test_two_proposals_cannot_share_a_number(client, efh_index, themes):
    systems, participation = themes
    sign_in(client, make_staff(superuser=True))
    url = f"/admin/pages/add/efh/actionplanpage/{efh_index.pk}/"
    form = _plan_form("Action plan", [_proposal(7, systems), _proposal(7, participation)])
    response = client.post(url, {**form, "action-publish": "Publish"})
    assert response.status_code == 200
    assert "Proposal 7 is already in this plan." in response.content.decode()
    assert not ActionPlanPage.objects.filter(slug="plan").exists()
