"""The directory in a real browser, keyboard only, checked by axe-core: a parent looks for help
with county lines for a 15-year-old at weekends, opens a result, saves two services and prints
the list. Plus the map twin: every pin leads to its entry in the list."""

import datetime

import pytest
from playwright.sync_api import expect

from places.models import NamedPlace
from services_directory.reference_data import ensure_reference_data
from tests.browser.conftest import assert_accessible


@pytest.fixture
def directory(asgi_server):
    """Reference data the migrations seed (transactional tests flush it), and a few services."""
    from tests.services_directory.factories import LocationFactory, ServiceFactory, at, opens

    ensure_reference_data()
    today = datetime.date.today()
    weekend = ServiceFactory(
        name="Weekend outreach",
        description="Youth workers on Saturdays who know about county lines and pressure.",
        needs=["criminal-exploitation", "mentoring"],
        audiences=["young-people", "parents"],
        minimum_age=11,
        maximum_age=18,
        assured_date=today,
    )
    opens(weekend, "SA", "14:00", "20:00")
    at(
        weekend,
        LocationFactory(
            name="Hartcliffe centre",
            place=NamedPlace.objects.get(slug="hartcliffe"),
            lat=None,
            lng=None,
        ),
    )
    mentoring = ServiceFactory(
        name="Safer Options mentoring",
        description="Mentoring for young people at risk of exploitation.",
        needs=["criminal-exploitation", "mentoring"],
        audiences=["young-people"],
        minimum_age=10,
        maximum_age=17,
        assured_date=today,
    )
    opens(mentoring, "SU", "10:00", "13:00")
    weekday = ServiceFactory(
        name="Weekday drop-in", needs=["criminal-exploitation"], assured_date=today
    )
    opens(weekday, "MO", "10:00", "13:00")
    ServiceFactory(name="Adults only", needs=["criminal-exploitation"], minimum_age=18)
    return asgi_server


def tab_to(page, locator, limit: int = 120):
    """Presses Tab until `locator` has focus: the way a keyboard user gets there."""
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def test_parent_finds_weekend_help_with_county_lines_and_prints_a_list(directory, browsing):
    session = browsing()
    page = session.page
    page.goto("/services/?for=parents")
    assert_accessible(page)

    tab_to(page, page.get_by_label("What are you looking for?"))
    page.keyboard.type("county lines")
    tab_to(page, page.get_by_label("Age of the young person"))
    page.keyboard.type("15")
    tab_to(page, page.get_by_label("Weekends"))
    page.keyboard.press("Space")
    # A radio group is one Tab stop (the chosen one); arrow keys move the choice.
    tab_to(page, page.get_by_role("radio", name="Parents and carers"))
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("radio", name="Anyone")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Search"))
    page.keyboard.press("Enter")

    page.wait_for_url("**/services/?*q=county+lines*")
    assert "age=15" in page.url and "when=weekend" in page.url
    expect(page.get_by_role("heading", name="2 results")).to_be_visible()
    results = page.locator(".directory-list > li h3")
    expect(results).to_have_text(["Safer Options mentoring", "Weekend outreach"])
    expect(page.locator("#results-map")).to_be_visible()
    # Leaflet is fetched and the pins drawn once the map is near the viewport (directory.js).
    page.locator("#results-map").scroll_into_view_if_needed()
    expect(page.locator("#results-map.leaflet-container .map-pin").first).to_be_attached()
    assert_accessible(page)

    # Save the first result from the list.
    save_first = page.get_by_role("button", name="Save Safer Options mentoring to my list")
    tab_to(page, save_first)
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("button", name="Remove Safer Options mentoring from my list")
    ).to_be_visible()
    expect(page.locator(".my-list-link")).to_have_text("My list (1)")

    # Open the second result and save it from its own page.
    tab_to(page, page.get_by_role("link", name="Weekend outreach"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/services/weekend-outreach/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekend outreach")
    expect(page.locator("table.schedule")).to_contain_text("Saturday")
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Save Weekend outreach to my list"))
    page.keyboard.press("Enter")
    expect(page.locator(".my-list-link").first).to_have_text("My list (2)")

    # The list, ready to print.
    tab_to(page, page.locator(".my-list-link").first)
    page.keyboard.press("Enter")
    page.wait_for_url("**/services/my-list/")
    expect(page.locator("[data-my-list] > li h2")).to_have_text(
        ["Safer Options mentoring", "Weekend outreach"]
    )
    assert_accessible(page)
    page.evaluate("() => { window.print = () => { document.body.dataset.printed = 'yes'; }; }")
    tab_to(page, page.get_by_role("button", name="Print this list"))
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")
    page.emulate_media(media="print")
    expect(page.locator("[data-my-list] > li").first).to_be_visible()
    expect(page.get_by_role("button", name="Print this list")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
    # Nothing about the list ever went to the server: it lives in this browser only.
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('spb:my-list')).map(e => e.name)")
    assert stored == ["Safer Options mentoring", "Weekend outreach"]


def test_every_map_pin_leads_to_its_entry_in_the_list(directory, browsing):
    page = browsing().page
    page.goto("/services/?q=county+lines")
    marker = page.get_by_role("button", name="Weekend outreach, Hartcliffe centre")
    tab_to(page, marker)
    page.keyboard.press("Enter")
    link = page.get_by_role("link", name="Go to Weekend outreach in the list")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    entry = page.locator("#result-weekend-outreach")
    expect(entry).to_be_focused()
    expect(entry).to_have_class("result is-highlighted")
    # Every pin is one entry of the list.
    pins = page.locator(".leaflet-marker-icon")
    expect(pins).to_have_count(1)


def test_bad_input_shows_an_error_summary_that_takes_focus(directory, browsing):
    page = browsing().page
    page.goto("/services/?age=fifteen")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter an age as a whole number, like 14.")
    assert_accessible(page)


def test_the_results_print_without_filters_or_map(directory, browsing):
    page = browsing().page
    page.goto("/services/?q=county+lines")
    page.emulate_media(media="print")
    expect(page.locator(".directory__filters")).to_be_hidden()
    expect(page.locator("#results-map")).to_be_hidden()
    expect(page.locator(".directory-list > li").first).to_be_visible()
    expect(page.locator(".print-only")).to_contain_text("Printed from")
