"""Browser journeys: Playwright for Python driving Debian's Chromium against the live ASGI server.

Every request that leaves 127.0.0.1 is answered by the test itself: the suite never touches the
network, and a page that tries to load a third-party resource is caught (see `external_requests`)."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Neutral site</h1>"


def pytest_collection_modifyitems(items):
    browser_dir = Path(__file__).parent
    for item in items:
        if browser_dir in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
        yield browser
        browser.close()


class Browsing:
    """One browser context (a person on one device) with helpers for the journeys."""

    def __init__(self, browser, server, **context_options):
        self.server = server
        self.external_requests: list[str] = []
        self.context = browser.new_context(base_url=server.url, **context_options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.server.url) or url.startswith(self.server.ws_url):
            route.continue_()
            return
        self.external_requests.append(url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    def third_party_requests(self) -> list[str]:
        """Requests that left our server for any host but the configured map tile host."""
        tile_host = urlsplit(settings.MAP_TILE_URL).netloc
        return [url for url in self.external_requests if urlsplit(url).netloc != tile_host]

    def new_page(self):
        page = self.context.new_page()
        page.set_default_timeout(10_000)
        return page

    def close(self):
        self.context.close()


@pytest.fixture
def browsing(browser, asgi_server):
    sessions = []

    def open_browsing(**context_options):
        session = Browsing(browser, asgi_server, **context_options)
        sessions.append(session)
        return session

    yield open_browsing
    for session in sessions:
        session.close()


@pytest.fixture
def page(browsing):
    return browsing().page


def axe_violations(page, context_selector: str | None = None) -> list[dict]:
    """Runs axe-core (WCAG 2.2 A/AA and best practice) in the page and returns its violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol rather than a <script> tag, so a strict Content
        # Security Policy on the page does not block the checker itself.
        page.evaluate(AXE_SOURCE)
    return page.evaluate(
        """async (selector) => {
            const result = await axe.run(selector ? document.querySelector(selector) : document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                  "wcag22aa", "best-practice"]},
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
            }));
        }""",
        context_selector,
    )


def assert_accessible(page, context_selector: str | None = None) -> None:
    violations = axe_violations(page, context_selector)
    assert violations == [], f"axe-core violations on {page.url}: {violations}"
