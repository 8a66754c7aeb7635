"""The EFH demo content `seed_demo` loads: written from the strategy, reachable from the home page."""

import re

import pytest

from demo import efh as demo_efh
from efh.pages import (
    ActionPlanPage,
    ActionPlanTheme,
    EFHIndexPage,
    GuidancePage,
    ReferralPathwayPage,
    pages_due_for_review,
)


def quiet(message):
    pass


@pytest.fixture
def seeded(home_page):
    demo_efh.seed(quiet)
    return EFHIndexPage.objects.get()


def test_demo_builds_the_section_at_efh(seeded):
    assert seeded.url == "/efh/"
    assert GuidancePage.objects.child_of(seeded).live().count() == 10
    pathway = ReferralPathwayPage.objects.get()
    assert pathway.is_example
    assert "for the Keeping Bristol Safe Partnership to confirm" in pathway.example_note


def test_demo_action_plan_has_the_23_proposals_under_the_six_themes(seeded):
    plan = ActionPlanPage.objects.get()
    proposals = list(plan.proposals.order_by("number"))
    assert [p.number for p in proposals] == list(range(1, 24))
    assert ActionPlanTheme.objects.count() == 6
    by_theme = {t.name: t.proposals.count() for t in ActionPlanTheme.objects.all()}
    assert by_theme == {
        "Contextualise our systems": 4,
        "Protection through participation": 5,
        "Transition to adulthood for victims of EFH": 2,
        "Disrupt and prosecute perpetrators": 3,
        "Safeguard, not sanction": 6,
        "Responsive services to meet critical need": 3,
    }
    # "Not started" unless the strategy records the work as under way.
    started = {p.number: p.status for p in proposals if p.status != "not-started"}
    assert started == {10: "green", 14: "green"}
    assert all(p.progress for p in proposals if p.number in started)


def test_demo_is_idempotent_and_keeps_staff_changes(seeded):
    page = GuidancePage.objects.get(slug="critical-moments")
    page.title = "Critical moments (edited by staff)"
    page.save_revision().publish()
    demo_efh.seed(quiet)
    assert GuidancePage.objects.count() == 10
    assert ReferralPathwayPage.objects.count() == 1
    assert ActionPlanPage.objects.get().proposals.count() == 23
    assert GuidancePage.objects.get(slug="critical-moments").title.endswith("(edited by staff)")


def test_every_demo_page_renders_and_the_home_page_reaches_the_section(client, seeded):
    home = client.get("/").content.decode()
    pathway = ReferralPathwayPage.objects.get()
    plan = ActionPlanPage.objects.get()
    for url in ("/efh/", pathway.url, plan.url):
        assert f'href="{url}"' in home
    assert "(an example for the partnership to confirm)" in home
    for page in [seeded, *GuidancePage.objects.all(), pathway, plan]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1
    # Quotes keep the attribution the strategy gives them.
    html = client.get("/efh/what-young-people-told-us/").content.decode()
    assert "<figcaption>Male, 16 years</figcaption>" in html
    assert "<figcaption>Female victim of CSE, 16 years</figcaption>" in html
    html = client.get("/efh/what-parents-told-us/").content.decode()
    assert "<figcaption>Parent of CCE victim</figcaption>" in html
    # The pathway's steps link to the guidance pages it sits beside.
    assert '<aside class="pathway-sidebar"' in client.get("/efh/critical-moments/").content.decode()
    assert [s.label for s in pathway.numbered_steps()] == [
        "1",
        "2",
        "3",
        "or",
        "and",
        "and",
        "4",
        "5",
    ]


def test_appendix_services_are_guidance_in_words_until_the_directory_holds_them(client, seeded):
    html = client.get("/efh/existing-services/").content.decode()
    for service in ("Reduction in Missing", "Non-Violent Resistance", "Creative Youth Network"):
        assert service in html
    # Its review date is past, so the dashboard has an example to show.
    assert [p.slug for p in pages_due_for_review()] == ["existing-services"]


def test_appendix_services_come_from_the_directory_once_it_holds_them(client, home_page):
    from demo import directory as directory_demo

    directory_demo.seed(quiet)
    demo_efh.seed(quiet)
    page = GuidancePage.objects.get(slug="existing-services")
    assert {block.block_type for block in page.body} >= {"related_services"}
    assert "services" not in {block.block_type for block in page.body}
    html = client.get(page.url).content.decode()
    assert "Barnardo&#x27;s Safe Choices" in html
    assert 'href="/services/barnardos-safe-choices/"' in html
