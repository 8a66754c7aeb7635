"""Security headers and the Content Security Policy on every public page type, and the looser
admin policy kept to /admin/."""

import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.security.crawl import crawl_public_pages
from tests.website.test_settings import PRODUCTION_ENV, run_manage
from website.security.csp import public_policy, source_for_url_template

TILE_SOURCE = source_for_url_template(settings.MAP_TILE_URL)


def parse_csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *values = directive.split()
        policy[name] = values
    return policy


@pytest.fixture
def public_pages(client, home_page):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pages = list(crawl_public_pages(client))
    paths = [path for path, _ in pages]
    # The home page and search always exist; the rest are the other apps' pages that answer.
    assert "/" in paths and "/search/?q=help" in paths, paths
    return pages


@pytest.mark.django_db
def test_every_public_page_has_the_strict_policy_and_security_headers(public_pages):
    problems = []
    for path, response in public_pages:
        policy = parse_csp(response["Content-Security-Policy"])
        expected = {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'none'"],
            "frame-ancestors": ["'none'"],
            "form-action": ["'self'"],
            "img-src": ["'self'", "data:", TILE_SOURCE],
            "connect-src": ["'self'", "ws://testserver"],
        }
        for name, values in expected.items():
            if policy.get(name) != values:
                problems.append(f"{path}: {name} is {policy.get(name)}, expected {values}")
        if "'unsafe-inline'" in response["Content-Security-Policy"]:
            problems.append(f"{path}: 'unsafe-inline' in the public policy")
        if "unsafe-eval" in response["Content-Security-Policy"]:
            problems.append(f"{path}: 'unsafe-eval' in the public policy")
        headers = {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
            "X-Frame-Options": "DENY",
            "Cross-Origin-Opener-Policy": "same-origin",
        }
        for header, value in headers.items():
            if response.get(header) != value:
                problems.append(f"{path}: {header} is {response.get(header)!r}")
        if "geolocation=(self)" not in response.get("Permissions-Policy", ""):
            problems.append(f"{path}: no geolocation=(self) in Permissions-Policy")
    assert problems == []
    print("public pages checked:", ", ".join(path for path, _ in public_pages))


_SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
_EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


@pytest.mark.django_db
def test_no_public_page_has_inline_script_handlers_or_styles(public_pages):
    """What the strict policy would block, found in the markup: a page that needs any of these
    would break silently in a browser."""
    problems = []
    for path, response in public_pages:
        html = response.content.decode()
        for attributes in _SCRIPT.findall(html):
            kind = re.search(r'type="([^"]+)"', attributes)
            if "src=" not in attributes and (kind is None or kind[1] not in _DATA_SCRIPT_TYPES):
                problems.append(f"{path}: inline <script{attributes}>")
        if _EVENT_HANDLER.search(html):
            problems.append(f"{path}: inline event handler {_EVENT_HANDLER.search(html)[0]!r}")
        if _STYLE_ATTRIBUTE.search(html):
            problems.append(f"{path}: style attribute {_STYLE_ATTRIBUTE.search(html)[0]!r}")
        if re.search(r"<style\b", html, re.IGNORECASE):
            problems.append(f"{path}: <style> element")
        if "javascript:" in html.lower():
            problems.append(f"{path}: javascript: URL")
    assert problems == []


def test_the_admin_policy_is_looser_and_only_under_admin(client, home_page):
    admin = parse_csp(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in admin["script-src"]
    assert "'unsafe-eval'" not in admin["script-src"]
    assert admin["object-src"] == ["'none'"]
    assert admin["base-uri"] == ["'none'"]
    # Wagtail's previews are frames of the admin itself; nobody else may frame it.
    assert admin["frame-ancestors"] == ["'self'"]
    for path in ("/", "/administrator/", "/search/?q=admin"):
        header = client.get(path)["Content-Security-Policy"]
        assert "'unsafe-inline'" not in header, path


def test_the_tile_host_is_the_only_third_party_and_follows_its_setting():
    policy = public_policy("https://{s}.tiles.example.net/styles/{z}/{x}/{y}.png")
    third_parties = [
        value
        for values in policy.values()
        for value in values
        if isinstance(value, str) and "://" in value
    ]
    assert third_parties == ["https://*.tiles.example.net"]
    assert source_for_url_template("http://127.0.0.1:9000/{z}/{x}/{y}.png") == (
        "http://127.0.0.1:9000"
    )
    with pytest.raises(ValueError):
        source_for_url_template("/tiles/{z}/{x}/{y}.png")


def test_production_reads_the_tile_host_from_the_environment_and_sends_hsts():
    script = (
        "import json; from django.conf import settings; "
        "from django.test import RequestFactory; from django.http import HttpResponse; "
        "from django.middleware.security import SecurityMiddleware; "
        "request = RequestFactory().get('/', secure=True, HTTP_HOST='saferplaces.example.org'); "
        "response = SecurityMiddleware(lambda r: HttpResponse())(request); "
        "print(json.dumps({'img': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
        "'hsts': response['Strict-Transport-Security'], "
        "'session_secure': settings.SESSION_COOKIE_SECURE, "
        "'csrf_secure': settings.CSRF_COOKIE_SECURE, "
        "'session_httponly': settings.SESSION_COOKIE_HTTPONLY, "
        "'session_samesite': settings.SESSION_COOKIE_SAMESITE, "
        "'csrf_samesite': settings.CSRF_COOKIE_SAMESITE}))"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        env_extra={**PRODUCTION_ENV, "MAP_TILE_URL": "https://maps.example.net/{z}/{x}/{y}.png"},
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["img"] == ["'self'", "data:", "https://maps.example.net"]
    assert values["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert values["session_secure"] and values["csrf_secure"] and values["session_httponly"]
    assert values["session_samesite"] == values["csrf_samesite"] == "Lax"
