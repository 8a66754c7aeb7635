"""Suggesting a place in real Chromium, without JavaScript; axe-core on every page."""

import pytest
from playwright.sync_api import expect

from coproduction.models import Suggestion
from tests.browser.test_participation import NoScriptChecker, receipt_code
from tests.participation.factories import ensure_reference_data


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    ensure_reference_data()


def test_without_javascript_a_young_person_suggests_a_place_and_gets_a_receipt(browsing):
    page = browsing(java_script_enabled=False).page
    checker = NoScriptChecker(browsing)
    page.goto("/have-your-say/suggest-a-place/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Suggest a place or activity")
    checker.check(page)
    page.get_by_role("button", name="Send my suggestion").click()  # nothing filled in yet
    expect(page.locator(".error-summary")).to_contain_text("Say what the place or activity is")
    checker.check(page)
    page.get_by_label("What is it called?").fill("Friday boxing club")
    page.get_by_label("An activity or club").check()
    page.get_by_label("Where is it?").select_option("hartcliffe")
    page.get_by_label("When is it on?").fill("Fridays 6 to 8pm")
    page.get_by_label("Any young person").check()
    page.get_by_label("Why is it good for young people?").fill("The coaches are kind.")
    page.get_by_role("button", name="Send my suggestion").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your suggestion has been sent")
    code = receipt_code(page)
    checker.check(page)
    made = Suggestion.objects.get()
    assert (made.name, made.place.slug, made.who) == ("Friday boxing club", "hartcliffe", "anyone")

    page.get_by_role("link", name="Check or delete what you sent").first.click()
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_text("A suggestion: an activity or club (Hartcliffe)")).to_be_visible()
    checker.check(page)
