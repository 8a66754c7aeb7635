"""The community map in Chromium: hexagons from the demo pins, the same cells in its table twin,
usable by keyboard and screen reader, no axe-core violations; and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.mapping.factories import ensure_reference_data


@pytest.fixture
def demo_map(asgi_server):
    from demo import pins as demo

    ensure_reference_data()  # transactional tests flush what the data migrations loaded
    demo.seed(lambda message: None)
    return asgi_server


def watch_console(page) -> list[str]:
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_the_public_map_shows_demo_hexagons_and_its_table_twin(browsing, demo_map):
    page = browsing().page
    problems = watch_console(page)
    page.goto("/community-map/")
    expect(page.locator("#community-map[data-cells]")).to_be_attached()
    drawn = int(page.locator("#community-map").get_attribute("data-cells"))
    assert drawn >= 10
    hexagons = page.locator("#community-map path.leaflet-interactive")
    expect(hexagons).to_have_count(drawn)
    # Every hexagon is filled with its band's colour-and-pattern, not a colour alone.
    fills = hexagons.evaluate_all("paths => paths.map(p => p.getAttribute('fill'))")
    assert all(re.fullmatch(r"url\(#cm-fill-[a-z-]+\)", fill) for fill in fills), fills

    table_cells = page.locator("#cm-table tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.cell)"
    )
    api = page.request.get("/api/v1/community-map.geojson").json()
    assert sorted(table_cells) == sorted(f["properties"]["cell"] for f in api["features"])
    assert len(table_cells) == drawn
    expect(page.locator("[data-demo-notice]")).to_contain_text("Demonstration data")
    assert_accessible(page)
    assert problems == []


def unsafe_sort_values(page) -> list[int]:
    """The "Said unsafe" column as the table sorts it: a withheld count ("fewer than 8") sorts as 0."""
    cells = page.locator("#cm-table tbody tr td:nth-child(3)")
    texts = cells.all_inner_texts()
    assert all(t.isdigit() or t.startswith("fewer than") for t in texts), texts
    return [int(v) for v in cells.evaluate_all("cells => cells.map(c => c.dataset.sortValue)")]


def test_the_table_sorts_and_shows_areas_by_keyboard(browsing, demo_map):
    page = browsing().page
    page.goto("/community-map/")
    expect(page.locator("#community-map[data-cells]")).to_be_attached()
    status = page.locator("[data-map-status]")
    sort_unsafe = page.get_by_role("button", name="Said unsafe")
    sort_unsafe.focus()
    page.keyboard.press("Enter")
    header = page.locator("#cm-table th", has=sort_unsafe)
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(status).to_have_text("Table sorted by Said unsafe, highest first.")
    values = unsafe_sort_values(page)
    assert values == sorted(values, reverse=True)
    page.keyboard.press("Space")
    expect(header).to_have_attribute("aria-sort", "ascending")
    values = unsafe_sort_values(page)
    assert values == sorted(values)

    # "Show on map" by keyboard: the map moves to the area, opens its details, takes the focus,
    # and a screen reader hears what is shown.
    first_row = page.locator("#cm-table tbody tr").first
    place = first_row.locator("th").inner_text()
    first_row.get_by_role("button", name=re.compile("Show on map")).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text(place)
    expect(page.locator("#community-map")).to_be_focused()
    expect(status).to_contain_text(f"Showing {place} on the map")
    assert_accessible(page)


def test_without_javascript_the_filters_and_table_still_work(browsing, demo_map):
    session = browsing(java_script_enabled=False)
    page = session.page
    page.goto("/community-map/")
    everything = page.locator("#cm-table tbody tr").count()
    assert everything >= 10
    page.get_by_label("Time of day").select_option("evening")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**when=evening**")
    evening = page.locator("#cm-table tbody tr").count()
    assert 0 < evening < everything
    expect(page.locator("[data-summary]")).to_contain_text("areas had pins from enough")
    # axe-core needs JavaScript: the same filtered page is checked in a browser that has it.
    checked = browsing().page
    checked.goto(page.url)
    assert_accessible(checked)
