"""The safety chrome every public page carries: Exit this page, Get help now, accessibility."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

EXIT_URL = re.compile(r"^https://www\.bbc\.co\.uk/weather")


def test_home_page_has_no_axe_violations(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_accessible(page)


def test_pressing_shift_three_times_lands_on_the_neutral_site(page):
    page.goto("/")
    status = page.locator("[data-exit-status]")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    expect(page.get_by_role("heading", name="Neutral site")).to_be_visible()
    # location.replace(): the page that was left is not one step back in history.
    page.go_back()
    assert "127.0.0.1" not in page.url


def test_shift_with_another_key_does_not_count(page):
    page.goto("/search/")
    search = page.get_by_label("Search this site")
    search.focus()
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url.endswith("/search/")
    assert search.input_value() == "AAA"


def test_presses_expire_after_five_seconds(page):
    page.clock.install()
    page.goto("/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_100)
    expect(page.locator("[data-exit-status]")).to_have_text("Exit this page expired.")
    page.keyboard.press("Shift")
    expect(page.locator("[data-exit-status]")).to_have_text("Shift, press 2 more times to exit.")
    assert "bbc" not in page.url


def test_exit_button_replaces_the_page(page):
    page.goto("/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL)


def test_exit_button_never_covers_the_focused_element(page):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto("/")
    # Tab through the page: whatever has focus is the topmost thing where it is drawn, so the
    # sticky exit bar never covers it (WCAG 2.2, 2.4.11 Focus Not Obscured).
    for _ in range(15):
        page.keyboard.press("Tab")
        covered_by = page.evaluate(
            """() => { const el = document.activeElement;
                       if (!el || el === document.body) return null;
                       const r = el.getBoundingClientRect();
                       const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                       return (top === el || el.contains(top)) ? null : (top ? top.className : 'nothing'); }"""
        )
        assert covered_by is None, f"focused element is covered by {covered_by}"


def test_get_help_now_lists_emergency_numbers(page):
    page.goto("/")
    page.get_by_role("link", name="Get help now").click()
    help_section = page.locator("#get-help")
    expect(help_section).to_contain_text("999")
    expect(help_section).to_contain_text("0800 1111")


def test_no_third_party_requests_on_the_home_page(browsing):
    session = browsing()
    session.page.goto("/")
    session.page.wait_for_load_state("networkidle")
    assert session.external_requests == []
