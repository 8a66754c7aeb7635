"""An analyst in Chromium: signs in, reads the trends, downloads the CSV, finds it in the audit."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from staff.sync import sync_roles
from tests.auth import browser_sign_in, make_staff
from tests.browser.conftest import assert_accessible
from tests.mapping.factories import ensure_reference_data
from tests.mapping.helpers import FAR_SPOT, crowd


@pytest.fixture
def published_areas(asgi_server):
    from tests.mapping.factories import bulk_pins

    # Transactional tests flush what the data migrations loaded: put back what this needs.
    ensure_reference_data()
    sync_roles()
    bulk_pins(crowd(9, when="evening") + crowd(8, FAR_SPOT, first=100, feeling="safe"))
    return asgi_server


def test_an_analyst_exports_csv_and_finds_it_in_the_audit(browsing, published_areas):
    analyst = make_staff("Partnership analysts", username="analyst-amara")
    page = browsing().page
    browser_sign_in(page, analyst, next_url="/admin/community-map/")
    expect(page.get_by_role("heading", name="Community map: trends")).to_be_visible()
    assert_accessible(page, "main")

    page.get_by_label("Time of day").select_option("evening")
    page.get_by_role("button", name="Show trends").click()
    page.wait_for_url("**when=evening**")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("community-map-")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 1 and rows[0]["when"] == "evening" and rows[0]["unsafe"] == "10"

    page.get_by_role("link", name="Export log").first.click()
    entry = page.locator("tr[data-export]").first
    expect(entry).to_contain_text("analyst-amara")
    expect(entry).to_contain_text("CSV")
    expect(entry).to_contain_text("when evening")
    assert_accessible(page, "main")


def test_the_printable_report_is_accessible_and_prints_on_a4(browsing, published_areas):
    analyst = make_staff("Partnership analysts")
    page = browsing().page
    browser_sign_in(page, analyst, next_url="/admin/community-map/")
    page.get_by_label("Month").select_option("2025-03")
    page.get_by_role("button", name="Open the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("March 2025")
    expect(page.get_by_role("img", name="Map of the 2 published areas")).to_be_visible()
    assert_accessible(page)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
