"""No admin screen refers to a host but ours and the map tile host: every admin address that
takes no argument, and the screens for one item (a contribution's review, a page's editor),
rendered for a superuser and read for src, href, action, srcset and url() references. Avatars are
local (WAGTAIL_GRAVATAR_PROVIDER_URL = None), there is no update check and no remote font."""

import re
from urllib.parse import urlsplit

import pytest

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from security.csp import source_for_url_template
from tests.auth import make_staff, sign_in
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db

# Addresses that are not screens: downloads, POST-only actions, redirects, Wagtail's JSON.
NOT_SCREENS = re.compile(
    r"(\.csv|\.geojson|bulk-approve/|/next/|/results/|^admin/logout/|^admin/api/|^admin/test404/"
    r"|/chooser/|/usage/|^admin/jsi18n/|^admin/failwhale/|\^|/autocomplete/|/preview/)"
)
REFERENCE = re.compile(
    r"""(?:\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?|url\(\s*["']?)"""
    r"""((?:https?:)?//[^"'\s)>]+)""",
    re.IGNORECASE,
)


def is_screen(route: str) -> bool:
    """An admin address without arguments that answers a GET with a page."""
    plain = "<" not in route and "(" not in route
    return route.startswith("admin/") and plain and not NOT_SCREENS.search(route)


def admin_routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and is_screen(route):
            yield "/" + route.lstrip("^").rstrip("$")


# Wagtail's own <noscript> sentence in every admin page links to instructions on another host.
# It is a link a person may follow, never a request the page makes; the skeleton template that
# holds it has no block to override, so it is reported upstream and is the one exception here.
WAGTAIL_NOSCRIPT_LINK = '<a href="https://www.enable-javascript.com/" target="_blank"'


def foreign_hosts(html: str) -> set[str]:
    html = html.replace(WAGTAIL_NOSCRIPT_LINK, "", 1)
    allowed = {"testserver", urlsplit(source_for_url_template(settings.MAP_TILE_URL)).hostname}
    return {
        urlsplit(url if "://" in url else "http:" + url).hostname for url in REFERENCE.findall(html)
    } - allowed


def test_no_admin_screen_refers_to_a_third_party(client):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    superuser = make_staff(superuser=True)
    superuser.email = "someone@example.org"
    superuser.save()
    sign_in(client, superuser)
    pin = ScannedPinFactory(comment="near the park, call 07700 900123")
    paths = sorted(set(admin_routes())) + [
        reverse("moderation_queue:review", args=[pin.moderation_id]),
        "/admin/pages/2/edit/",
        "/admin/pages/2/",
    ]
    seen, found = 0, {}
    for path in paths:
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        seen += 1
        html = response.content.decode()
        assert "gravatar" not in html.lower(), path
        if hosts := foreign_hosts(html):
            found[path] = sorted(hosts)
    assert seen >= 30, f"only {seen} admin screens rendered"
    assert found == {}, found


def test_the_admin_policy_lists_exactly_our_host_and_the_tile_host(client):
    sign_in(client, make_staff(superuser=True))
    header = client.get("/admin/")["Content-Security-Policy"]
    hosts = {
        value
        for directive in header.split(";")
        for value in directive.split()[1:]
        if "://" in value
    }
    assert hosts == {source_for_url_template(settings.MAP_TILE_URL), "ws://testserver"}
