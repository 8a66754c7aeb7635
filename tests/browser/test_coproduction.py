"""Suggesting a place in real Chromium, without JavaScript; axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from coproduction.models import Suggestion
from tests.browser.test_directory import tab_to
from tests.browser.test_participation import NoScriptChecker, receipt_code
from tests.participation.factories import ensure_reference_data


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    from tests.coproduction.factories import default_stand_outs

    ensure_reference_data()
    default_stand_outs()  # gone with an earlier browser test's flush


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


def test_a_young_person_gives_a_view_of_a_service_by_keyboard_only(browsing):
    from coproduction.models import ServiceView
    from tests.browser.conftest import assert_accessible
    from tests.coproduction.factories import view
    from tests.services_directory.factories import ServiceFactory

    service = ServiceFactory(name="Riverside Youth Club")
    for n in range(4):  # four young people gave theirs already: not enough to show
        view(service, f"earlier-{n}", stood_out=["felt-safe"])
    page = browsing().page
    page.goto(service.get_absolute_url())
    expect(page.get_by_text("Not enough young people have given their view")).to_be_visible()
    assert_accessible(page)

    tab_to(page, page.locator("#young-peoples-view summary"))
    page.keyboard.press("Enter")  # opens "Give your view"
    # A radio group is one Tab stop: Space chooses the first, arrow keys move the choice.
    tab_to(page, page.get_by_role("radio", name="Yes"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("radio", name="Yes")).to_be_checked()
    tab_to(page, page.get_by_role("checkbox", name="Felt safe"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("checkbox", name="Listened to me"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("Anything else?"))
    page.keyboard.type("The youth workers listened.")
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Send my view"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("your view has been sent")
    expect(page.locator("[data-receipt-code]")).to_have_text(
        re.compile(r"^[a-z]+-[a-z]+-[a-z]+-\d\d$")
    )
    assert_accessible(page)
    given = ServiceView.objects.get(comment="The youth workers listened.")
    assert given.recommend == "yes"
    assert set(given.stood_out.values_list("slug", flat=True)) == {"felt-safe", "listened-to-me"}

    # The fifth young person: the view is published, in rounded numbers, never the comment.
    page.goto(service.get_absolute_url())
    shown = page.locator("[data-young-peoples-view]")
    expect(shown).to_contain_text("At least 5 young people gave their view")
    expect(shown).to_contain_text("Felt safe: 5")
    expect(page.get_by_text("The youth workers listened.")).to_have_count(0)
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_an_exercise_asks_for_good_places_and_a_suggestion_reaches_its_results(browsing):
    from moderation.services import approve
    from staff.roles import EDITORS, MODERATORS, PARTNERSHIP_ANALYSTS
    from staff.sync import sync_roles
    from tests.auth import browser_sign_in, make_staff
    from tests.browser.conftest import assert_accessible
    from tests.workshops.workshop_factories import AreaExerciseFactory
    from workshops.models import ExerciseAsks

    sync_roles()
    exercise = AreaExerciseFactory(asks=ExerciseAsks.GOOD_PLACES, title="Easton after school")
    page = browsing(java_script_enabled=False).page
    checker = NoScriptChecker(browsing)
    page.goto("/have-your-say/")
    page.get_by_role("link", name="Suggest a good place for young people").first.click()
    expect(page.locator("[data-asked-by]")).to_contain_text("Easton after school")
    checker.check(page)
    page.get_by_label("What is it called?").fill("Friday boxing club")
    page.get_by_label("An activity or club").check()
    page.get_by_label("Where is it?").select_option("hartcliffe")
    page.get_by_label("Any young person").check()
    page.get_by_label("Why is it good for young people?").fill("The coaches are kind.")
    page.get_by_role("button", name="Send my suggestion").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your suggestion has been sent")
    assert receipt_code(page)
    checker.check(page)
    made = Suggestion.objects.select_related("moderation").get()
    assert made.exercise == exercise and made.moderation.exercise == exercise.slug

    # In the suggestions queue, under the exercise, then approved into a draft listing.
    staff_page = browsing().page
    browser_sign_in(staff_page, make_staff(MODERATORS))
    staff_page.goto(f"/admin/moderation/queue/?exercise={exercise.slug}")
    expect(staff_page.locator(f"[href*='{made.moderation_id}']").first).to_be_visible()
    assert_accessible(staff_page)
    approve(made.moderation_id, make_staff(MODERATORS), no_sign_of_harm=True)

    editor_page = browsing().page
    browser_sign_in(editor_page, make_staff(EDITORS))
    editor_page.goto(f"/admin/mapping-exercises/compare/{exercise.pk}/")
    expect(editor_page.locator(f'[data-suggestion="{made.pk}"]')).to_contain_text(
        "Draft: Friday boxing club"
    )
    assert_accessible(editor_page)

    analyst_page = browsing().page
    browser_sign_in(analyst_page, make_staff(PARTNERSHIP_ANALYSTS))
    analyst_page.goto("/admin/asset-map/figures/")
    expect(analyst_page.locator("[data-asset-map-figures]")).to_contain_text("Withheld")
    assert_accessible(analyst_page)
