"""The EFH section's page types: where they may live, and that each renders what people need."""

import re
from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from efh.pages import (
    ActionPlanPage,
    EFHIndexPage,
    GuidancePage,
    RAGStatus,
    ReferralPathwayPage,
)
from tests.efh.factories import (
    ActionPlanPageFactory,
    ActionPlanThemeFactory,
    GuidancePageFactory,
    ReferralPathwayPageFactory,
    TopicFactory,
)
from website.models import HomePage

EFH_CHILDREN = [GuidancePage, ReferralPathwayPage, ActionPlanPage]


def test_efh_index_goes_under_the_home_page_only(efh_index, home_page):
    assert EFHIndexPage.allowed_parent_page_models() == [HomePage]
    assert not EFHIndexPage.can_create_at(Page.get_first_root_node())
    # One section per site: the home page already has it.
    assert not EFHIndexPage.can_create_at(home_page)
    assert efh_index.url == "/efh/"


def test_only_guidance_pathways_and_action_plans_go_under_the_index(efh_index, home_page):
    assert set(EFHIndexPage.allowed_subpage_models()) == set(EFH_CHILDREN)
    for model in EFH_CHILDREN:
        assert model.allowed_parent_page_models() == [EFHIndexPage]
        assert model.can_create_at(efh_index)
        assert not model.can_create_at(home_page)
        assert model.allowed_subpage_models() == []
    assert not HomePage.can_create_at(efh_index)


def test_admin_offers_each_page_type_its_editing_form(admin_client, efh_index):
    for model in EFH_CHILDREN:
        url = f"/admin/pages/add/efh/{model._meta.model_name}/{efh_index.pk}/"
        assert admin_client.get(url).status_code == 200, model


@pytest.fixture
def admin_client(client, db):
    from tests.auth import make_staff, sign_in

    return sign_in(client, make_staff(superuser=True))


def test_index_lists_guidance_under_each_of_its_audiences(client, efh_index):
    both = GuidancePageFactory(
        parent=efh_index, title="Signs to look for", for_parents=True, for_professionals=True
    )
    GuidancePageFactory(
        parent=efh_index, title="Talking to someone", for_young_people=True, for_professionals=False
    )
    GuidancePageFactory(parent=efh_index, title="Unpublished draft", publish=False)
    html = client.get("/efh/").content.decode()
    sections = _sections_by_heading(html, "h3")
    assert "Signs to look for" in sections["For parents and carers"]
    assert "Signs to look for" in sections["For professionals"]
    assert "Signs to look for" not in sections.get("For young people", "")
    assert "Talking to someone" in sections["For young people"]
    assert "Unpublished draft" not in html
    assert f'href="{both.url}"' in html


def _sections_by_heading(html: str, tag: str) -> dict[str, str]:
    parts = re.split(rf"<{tag}[^>]*>(.*?)</{tag}>", html)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_index_filters_guidance_by_topic_and_audience(client, efh_index):
    harm = TopicFactory(name="Types of harm")
    help_topic = TopicFactory(name="Getting help")
    GuidancePageFactory(parent=efh_index, title="County lines", topics=[harm])
    GuidancePageFactory(parent=efh_index, title="Who to call", topics=[help_topic])
    html = client.get("/efh/?topic=types-of-harm").content.decode()
    assert "County lines" in html
    assert "Who to call" not in html
    assert "1 page found" in html
    html = client.get("/efh/?audience=young-people").content.decode()
    assert "0 pages found" in html


def test_index_answers_an_unknown_filter_with_a_400_and_a_message(client, efh_index):
    GuidancePageFactory(parent=efh_index, title="County lines")
    response = client.get("/efh/?audience=everyone-else")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "everyone-else is not one of the available choices" in html
    assert 'aria-describedby="id_audience_error"' in html


def test_guidance_renders_every_block_type_and_its_review_dates(client, efh_index):
    Document = get_document_model()
    document = Document(title="Referral form")
    document.file.save("referral-form.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    body = [
        {"type": "heading", "value": "Types of harm"},
        {"type": "paragraph", "value": "<p>Harm can happen <b>anywhere</b>.</p>"},
        {
            "type": "callout",
            "value": {"style": "emergency", "title": "In danger now? Call 999", "text": "<p>x</p>"},
        },
        {"type": "quote", "value": {"quote": "I trust no one.", "attribution": "Male, 16 years"}},
        {
            "type": "accordion",
            "value": {
                "heading": "The principles",
                "items": [{"title": "Think family", "text": "<p>Adults around a child.</p>"}],
            },
        },
        {"type": "documents", "value": {"heading": "Downloads", "documents": [document.pk]}},
        {
            "type": "contact",
            "value": {
                "name": "First Response",
                "role": "",
                "phone": "0117 903 6444",
                "email": "",
                "url": "",
                "hours": "Mon-Fri",
            },
        },
        {
            "type": "services",
            "value": {
                "heading": "Services",
                "intro": "",
                "services": [
                    {"name": "Safe Choices", "provider": "Barnardo's", "description": "Missing."}
                ],
            },
        },
    ]
    page = GuidancePageFactory(
        parent=efh_index,
        title="What is EFH?",
        body=body,
        last_reviewed=timezone.localdate().replace(year=2026, month=3, day=1),
        next_review_due=timezone.localdate().replace(year=2027, month=3, day=1),
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert '<h2 id="types-of-harm">Types of harm</h2>' in html
    assert "callout--emergency" in html and "In danger now? Call 999" in html
    assert "<figcaption>Male, 16 years</figcaption>" in html
    assert "<summary>Think family</summary>" in html
    assert document.url in html and "(PDF, 13\xa0bytes)" in html
    assert 'href="tel:01179036444"' in html
    assert "<h3>Safe Choices</h3>" in html and "Barnardo&#x27;s" in html
    assert "Last reviewed:" in html and "1 March 2026" in html
    assert "Next review due:" in html and "1 March 2027" in html
    assert 'aria-label="Breadcrumb"' in html and 'href="/efh/"' in html


def test_pathway_and_action_plan_render(client, efh_index):
    pathway = ReferralPathwayPageFactory(parent=efh_index, title="How to refer")
    theme = ActionPlanThemeFactory(name="Contextualise our systems")
    plan = ActionPlanPageFactory(parent=efh_index, proposals=[(1, theme, RAGStatus.NOT_STARTED)])
    for page, expected in ((pathway, "Tell your safeguarding lead"), (plan, "Proposal 1")):
        response = client.get(page.url)
        assert response.status_code == 200
        assert expected in response.content.decode()
        assert "Next review due:" in response.content.decode()


def test_no_inline_scripts_or_event_handler_attributes(client, efh_index):
    guidance = GuidancePageFactory(parent=efh_index)
    pathway = ReferralPathwayPageFactory(
        parent=efh_index,
        steps=[
            {
                "type": "step",
                "value": {
                    "title": "One",
                    "logic": "",
                    "summary": "",
                    "links": [{"text": "", "page": guidance.pk, "document": None, "url": ""}],
                },
            }
        ],
    )
    plan = ActionPlanPageFactory(parent=efh_index)
    for url in ("/efh/", guidance.url, pathway.url, plan.url, "/search/?q=one"):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_guidance_needs_an_audience_and_sensible_review_dates(efh_index):
    page = GuidancePage(title="No audience", slug="no-audience", summary="s", body=[])
    page.for_professionals = False
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth", "body"])
    assert "Tick at least one audience" in str(error.value)
    today = timezone.localdate()
    page.for_parents = True
    page.last_reviewed, page.next_review_due = today, today - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth", "body"])
    assert "next review must be due after the last review" in str(error.value)
