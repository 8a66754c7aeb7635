"""Browser journeys through the EFH section with its demo content: the step by step pathway by
keyboard alone, without JavaScript and in print, and axe-core on every page type."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

PATHWAY = "/efh/referral-pathway/"
FIRST_STEP = "Check whether anyone is in immediate danger"


@pytest.fixture
def efh(asgi_server):
    from demo import efh as demo_efh

    demo_efh.seed(lambda message: None)
    return asgi_server


def focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return {tag: el.tagName, text: el.innerText || "", href: el.getAttribute("href")}; }"""
    )


def tab_to(page, matches, limit: int = 80) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if matches(element):
            return element
    raise AssertionError("never reached the element by pressing Tab")


def test_keyboard_only_open_a_pathway_and_expand_a_step(page, efh):
    page.goto("/")
    tab_to(page, lambda el: el["href"] == PATHWAY)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{PATHWAY}")

    step_button = page.get_by_role("button", name=FIRST_STEP)
    panel = page.locator(
        "#step-panel-{}-1".format(
            page.evaluate(
                "() => document.querySelector('[data-step-nav]').id.replace('step-nav-', '')"
            )
        )
    )
    expect(step_button).to_have_attribute("aria-expanded", "false")
    expect(panel).to_be_hidden()

    element = tab_to(page, lambda el: el["tag"] == "BUTTON" and FIRST_STEP in el["text"])
    assert "Show" in element["text"]
    page.keyboard.press("Enter")
    expect(step_button).to_have_attribute("aria-expanded", "true")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("call 999")
    page.keyboard.press("Space")
    expect(panel).to_be_hidden()

    # "Show all steps" sits just before the first step.
    page.keyboard.press("Shift+Tab")
    show_all = page.get_by_role("button", name="Show all steps")
    expect(show_all).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Hide all steps")).to_have_attribute(
        "aria-expanded", "true"
    )
    expect(page.locator("[data-step-panel]:visible")).to_have_count(8)


EFH_PAGES = [
    "/efh/",
    "/efh/critical-moments/",  # guidance with the pathway as a sidebar
    "/efh/what-young-people-told-us/",  # quotes
    "/efh/worried-about-your-child/",  # contact cards, related services
    "/efh/existing-services/",  # lists of services
    PATHWAY,
    "/efh/action-plan/",
    "/efh/action-plan/?status=no-such-status",  # the error state of the filters
    "/search/?q=exploitation",
]


def test_every_efh_page_type_has_no_axe_violations(browsing, efh):
    # One test over every page: the demo content is loaded once, not once per page.
    session = browsing()
    page = session.page
    csp_errors = []
    page.on(
        "console",
        lambda msg: csp_errors.append(msg.text) if "Security Policy" in msg.text else None,
    )
    for path in EFH_PAGES:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page)
        if page.locator("[data-step-nav]").count():
            # Expanded as well as collapsed.
            page.locator("[data-step-nav]").first.get_by_role(
                "button", name="Show all steps"
            ).click()
            assert_accessible(page)
    assert csp_errors == []
    assert session.external_requests == []


def test_without_javascript_every_step_is_open(browsing, efh):
    page = browsing(java_script_enabled=False).page
    page.goto(PATHWAY)
    expect(page.locator("[data-step-panel]:visible")).to_have_count(8)
    expect(page.get_by_role("button", name="Show all steps")).to_have_count(0)
    expect(page.get_by_role("button", name="Print this pathway")).to_be_hidden()


def test_print_layout_shows_every_step_without_the_controls(page, efh):
    page.goto(PATHWAY)
    expect(page.locator("[data-step-panel]:visible")).to_have_count(0)
    page.emulate_media(media="print")
    expect(page.locator("[data-step-panel]:visible")).to_have_count(8)
    expect(page.get_by_role("button", name="Show all steps")).to_be_hidden()
    expect(page.locator(".exit-bar")).to_be_hidden()


def test_the_sidebar_opens_the_step_that_links_to_the_page_being_read(page, efh):
    page.goto("/efh/critical-moments/")
    sidebar = page.locator("aside.pathway-sidebar")
    expect(
        sidebar.get_by_role("button", name="Refer the young person to children's social care")
    ).to_have_attribute("aria-expanded", "true")
    expect(sidebar.get_by_role("button", name=FIRST_STEP)).to_have_attribute(
        "aria-expanded", "false"
    )
    expect(sidebar.locator('a[aria-current="page"]')).to_have_text(
        "Critical moments: when help makes the most difference"
    )
    sidebar.get_by_role("link", name="Worried about a young person").first.click()
    page.wait_for_url(f"**{PATHWAY}")
