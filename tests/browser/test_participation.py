"""Have your say in real Chromium: without JavaScript, with the keyboard only, with the device's
location, on a connection that drops; axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from participation.models import LocationSource, Pin, Proposal
from tests.browser.conftest import assert_accessible
from tests.participation.factories import ensure_reference_data

CENTRE = (51.4545, -2.5879)


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    ensure_reference_data()


def tab_to(page, selector: str, presses: int = 60) -> None:
    """Presses Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(presses):
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


class NoScriptChecker:
    """axe-core runs as JavaScript, which a page opened with JavaScript off cannot run. So each
    such page is checked in a second tab showing the very same HTML, with the page's own scripts
    blocked: what axe sees is what someone without JavaScript gets."""

    def __init__(self, browsing):
        self.page = browsing().page
        self.page.route("**/*.js", lambda route: route.abort())
        self.page.goto("/have-your-say/")

    def check(self, page) -> None:
        self.page.set_content(page.content())
        assert self.page.evaluate("document.documentElement.classList.contains('no-js')")
        assert_accessible(self.page)


def receipt_code(page) -> str:
    code = page.locator("[data-receipt-code]").inner_text().strip()
    assert re.fullmatch(r"[a-z]+-[a-z]+-[a-z]+-\d\d", code), code
    return code


def test_without_javascript_an_unsafe_pin_at_a_named_place_gets_a_receipt(browsing):
    page = browsing(java_script_enabled=False).page
    checker = NoScriptChecker(browsing)
    page.goto("/have-your-say/")
    checker.check(page)
    page.get_by_role("link", name="Add a safe or unsafe place").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a safe or unsafe place")
    # The map and "use my location" need JavaScript: they are not offered.
    expect(page.get_by_role("button", name="Use my location")).to_be_hidden()
    checker.check(page)
    page.get_by_role("button", name="Send").click()  # nothing chosen yet
    expect(page.locator(".error-summary")).to_contain_text("Choose whether the place feels safe")
    checker.check(page)
    page.get_by_label("Unsafe").check()
    page.get_by_label("Place", exact=True).select_option("castle-park")
    page.get_by_label("Poor lighting").check()
    page.get_by_label("Evening").check()
    page.get_by_label("Anything else you want to tell us?").fill("Dark path by the river.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    code = receipt_code(page)
    checker.check(page)
    pin = Pin.objects.get()
    assert (pin.feeling, pin.place.slug, pin.location_source) == ("unsafe", "castle-park", "place")
    assert [r.slug for r in pin.reasons.all()] == ["poor-lighting"]

    page.get_by_role("link", name="Check or delete what you sent").first.click()
    checker.check(page)
    page.get_by_label("Your receipt code").fill(code.upper().replace("-", " "))
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_text("Waiting to be checked")).to_be_visible()
    checker.check(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("Are you sure?")).to_be_visible()
    checker.check(page)
    page.get_by_role("button", name="Yes, delete it for good").click()
    expect(page.get_by_role("heading", name="Deleted for good")).to_be_visible()
    assert not Pin.objects.exists()


def test_keyboard_only_a_safe_pin_with_the_crosshair(page):
    page.goto("/have-your-say/pin/")
    expect(page.locator("[data-step-progress]")).to_have_text("Step 1 of 7")
    tab_to(page, "input[name=feeling]")
    page.keyboard.press("Space")  # the first choice: Safe
    tab_to(page, "[data-next]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-step-progress]")).to_have_text("Step 2 of 7")
    assert_accessible(page)
    tab_to(page, "[data-pin-map]")
    for key in ("ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown", "ArrowDown"):
        page.keyboard.press(key)
    page.wait_for_timeout(400)  # the pan animation
    tab_to(page, "[data-put-pin]")
    target = page.evaluate("() => document.activeElement.getBoundingClientRect().height")
    assert target >= 24
    page.keyboard.press("Enter")
    expect(page.locator("[data-location-status]")).to_have_text(
        "Chosen: the spot under the cross on the map."
    )
    tab_to(page, "[data-next]")
    page.keyboard.press("Enter")
    # Only the reasons for a safe place are offered now.
    expect(page.get_by_label("Poor lighting")).to_be_hidden()
    tab_to(page, "input[value=friends]")
    page.keyboard.press("Space")
    tab_to(page, "[data-next]")
    page.keyboard.press("Enter")
    for _ in range(3):  # when, comment, photo: declined as easily as answered
        tab_to(page, "[data-skip]")
        page.keyboard.press("Enter")
    expect(page.locator("[data-summary]")).to_contain_text("A spot on the map")
    assert_accessible(page)
    tab_to(page, "[data-send]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    receipt_code(page)
    assert_accessible(page)
    pin = Pin.objects.get()
    assert (pin.feeling, pin.location_source, pin.place) == ("safe", LocationSource.MAP, None)
    assert [r.slug for r in pin.reasons.all()] == ["friends"]
    # The arrow keys moved the map: east and south of the starting centre.
    assert pin.lng > CENTRE[1] and pin.lat < CENTRE[0]


COUNT_GEOLOCATION = """
window.__geolocationCalls = 0;
const geolocation = navigator.geolocation;
for (const name of ["getCurrentPosition", "watchPosition"]) {
  const original = geolocation[name].bind(geolocation);
  geolocation[name] = (success, failure, options) => {
    window.__geolocationCalls += 1;
    // A phone takes a moment to find itself: answer after 600 ms.
    return original((position) => setTimeout(() => success(position), 600), failure, options);
  };
}
"""


def test_geolocation_is_asked_once_and_only_after_the_tap(browsing):
    session = browsing(
        geolocation={"latitude": 51.4612, "longitude": -2.5563}, permissions=["geolocation"]
    )
    page = session.page
    page.add_init_script(COUNT_GEOLOCATION)
    page.goto("/have-your-say/pin/")
    page.get_by_label("Unsafe").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("button", name="Use my location")).to_be_visible()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__geolocationCalls") == 0
    page.get_by_role("button", name="Use my location").click()
    busy = page.locator("[data-location-busy]")
    expect(busy).to_be_visible()
    expect(busy).to_contain_text("Finding where you are")
    expect(page.locator("[data-location-status]")).to_have_text("Chosen: where you are now.")
    expect(busy).to_be_hidden()
    assert page.evaluate("window.__geolocationCalls") == 1
    page.get_by_role("button", name="Next").click()
    for _ in range(4):
        page.get_by_role("button", name="Skip this question").click()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    pin = Pin.objects.get()
    assert pin.location_source == LocationSource.GEOLOCATION
    assert (round(pin.lat, 4), round(pin.lng, 4)) == (51.4612, -2.5563)
    assert page.evaluate("window.__geolocationCalls") == 1


def choose_unsafe_at(page, place: str) -> None:
    page.goto("/have-your-say/pin/")
    page.get_by_label("Unsafe").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Search for a place").fill(place)
    page.get_by_role("button", name=re.compile(place)).first.click()
    expect(page.locator("[data-location-status]")).to_contain_text(place)
    page.get_by_role("button", name="Next").click()
    for _ in range(4):
        page.get_by_role("button", name="Skip this question").click()


def test_offline_then_online_delivers_exactly_one_pin(browsing):
    session = browsing()
    page = session.page
    choose_unsafe_at(page, "Castle Park")
    session.context.set_offline(True)
    page.get_by_role("button", name="Send").click()
    banner = page.locator("[data-offline-banner]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Waiting to send")
    assert_accessible(page)
    assert not Pin.objects.exists()
    session.context.set_offline(False)  # the browser's "online" event sends it
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    receipt_code(page)
    expect(banner).to_be_hidden()
    assert Pin.objects.count() == 1
    page.reload()
    page.wait_for_timeout(500)
    assert Pin.objects.count() == 1
    assert (
        page.evaluate(
            "() => new Promise(r => { const q = indexedDB.open('spb-offline', 1);"
            " q.onsuccess = () => { const s = q.result.transaction('submissions').objectStore('submissions');"
            " s.count().onsuccess = (e) => r(e.target.result); }; })"
        )
        == 0
    )


def test_an_answer_lost_on_the_way_back_is_retried_without_a_duplicate(browsing):
    session = browsing()
    page = session.page
    lost = []

    def lose_the_first_answer(route):
        if route.request.method == "POST" and not lost:
            lost.append(route.fetch())  # the server saves the pin ...
            route.abort()  # ... but the phone never hears back
        else:
            route.continue_()

    page.route("**/have-your-say/pin/", lose_the_first_answer)
    choose_unsafe_at(page, "Broadmead")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("[data-offline-banner]")).to_be_visible()
    assert lost and lost[0].status == 201
    assert Pin.objects.count() == 1
    page.get_by_role("button", name="Try again now").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    assert receipt_code(page) in lost[0].text()
    assert Pin.objects.count() == 1


def test_a_waiting_submission_can_be_deleted_from_the_device(browsing):
    session = browsing()
    page = session.page
    choose_unsafe_at(page, "Easton")
    session.context.set_offline(True)
    page.get_by_role("button", name="Send").click()
    page.get_by_role("button", name="Delete it from this device").click()
    expect(page.locator("[data-offline-banner]")).to_contain_text("Nothing was sent")
    session.context.set_offline(False)
    page.wait_for_timeout(800)
    assert not Pin.objects.exists()


def test_a_waiting_submission_is_forgotten_after_24_hours(browsing):
    session = browsing()
    page = session.page
    page.clock.install()
    choose_unsafe_at(page, "Easton")
    session.context.set_offline(True)
    page.get_by_role("button", name="Send").click()
    expect(page.locator("[data-offline-banner]")).to_be_visible()
    page.clock.fast_forward("24:01:00")
    session.context.set_offline(False)
    expect(page.locator("[data-offline-banner]")).to_be_hidden()
    page.wait_for_timeout(500)
    assert not Pin.objects.exists()


def test_sharing_and_supporting_ideas(page):
    from tests.participation.factories import ApprovedProposalFactory

    ApprovedProposalFactory(title="Skate park lights")
    page.goto("/have-your-say/ideas/")
    page.get_by_role("button", name=re.compile(r"^Support this idea\W+Skate park lights$")).click()
    expect(page.get_by_text("You support this idea.")).to_be_visible()
    expect(page.get_by_text("1 person supports this idea.")).to_be_visible()
    page.get_by_role("link", name="Share an idea").click()
    page.get_by_label("Your idea in a few words").fill("Cooking club")
    page.get_by_label("Something else").check()
    page.get_by_label("Where?").select_option("north")
    page.get_by_label("After school").check()
    page.get_by_label("Why would it help?").fill("Learn to cook cheap meals.")
    page.get_by_role("button", name="Send my idea").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your idea has been sent")
    receipt_code(page)
    assert Proposal.objects.filter(title="Cooking club").exists()


def test_every_have_your_say_page_passes_axe(page):
    from demo import participation as demo

    demo.seed(lambda message: None)
    for path in (
        "/have-your-say/",
        "/have-your-say/ideas/",
        "/have-your-say/ideas/new/",
        "/have-your-say/you-said-we-did/",
        "/have-your-say/receipt/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page)
    page.goto("/have-your-say/ideas/new/")
    page.get_by_role("button", name="Send my idea").click()  # nothing filled in: the errors
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.goto("/have-your-say/pin/")
    steps = page.locator("[data-step-progress]")
    page.get_by_role("button", name="Next").click()  # the step's own error
    expect(page.locator(".step-error")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Safe", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(steps).to_have_text("Step 2 of 7")
    assert_accessible(page)
    page.get_by_label("Place", exact=True).select_option("the-downs")
    for n in range(3, 8):
        page.get_by_role("button", name="Next").click()
        expect(steps).to_have_text(f"Step {n} of 7")
        assert_accessible(page)


def test_the_immediate_help_and_the_please_wait_pages_pass_axe(browsing, monkeypatch, settings):
    from moderation.models import ModerationItem

    def scan_flags_everything(item_id):
        # Stands in for moderation's scan: it flags whatever it is given, after the commit.
        ModerationItem.objects.filter(pk=item_id).update(flagged=True, status="escalated")

    monkeypatch.setattr("moderation.services.on_contribution_committed", scan_flags_everything)
    page = browsing().page
    choose_unsafe_at(page, "Easton")
    page.get_by_role("button", name="Send").click()
    help_box = page.get_by_role("region", name="If you or someone else is in danger now")
    expect(help_box).to_be_visible()
    expect(help_box).to_contain_text("0800 1111")
    assert_accessible(page)

    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "pin-contributor": (0, 3600),
    }
    choose_unsafe_at(page, "Easton")
    page.get_by_role("button", name="Send").click()
    banner = page.locator("[data-offline-banner]")
    expect(banner).to_contain_text("You have added a lot of places")
    assert_accessible(page)
    page.get_by_role("button", name="Delete it from this device").click()
    without_js = browsing(java_script_enabled=False).page
    checker = NoScriptChecker(browsing)
    without_js.goto("/have-your-say/pin/")
    without_js.get_by_label("Unsafe").check()
    without_js.get_by_label("Place", exact=True).select_option("easton")
    without_js.get_by_role("button", name="Send").click()
    expect(without_js.get_by_role("heading", name="Please wait a little")).to_be_visible()
    checker.check(without_js)
