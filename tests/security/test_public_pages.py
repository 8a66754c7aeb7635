"""Every public page type the site has (found by crawling from the contract's paths): the strict
Content Security Policy and the security headers, nothing inline that the policy would block, and
Django's CSRF token in every form."""

import re

import pytest

from django.conf import settings
from django.test import Client

from security.csp import source_for_url_template
from tests.security.test_headers import parse_csp

TILE_SOURCE = source_for_url_template(settings.MAP_TILE_URL)


@pytest.fixture
def public_pages(seeded_public_pages, db):
    paths = [path for path, _ in seeded_public_pages]
    # The home page and search always exist; the rest are the other apps' pages that answer.
    assert "/" in paths and "/search/?q=help" in paths, paths
    return seeded_public_pages


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


_SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
_EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


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


_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)


def post_forms(html: str, page_path: str) -> list[tuple[str, str]]:
    """(action, form body) of every POST form on a page."""
    forms = []
    for attributes, body in _FORM.findall(html):
        if not re.search(r'method="post"', attributes, re.IGNORECASE):
            continue
        action = re.search(r'action="([^"]*)"', attributes)
        forms.append(((action[1] if action and action[1] else page_path), body))
    return forms


def test_every_public_post_form_has_a_token_and_is_refused_without_it(public_pages):
    actions = {}
    for path, response in public_pages:
        for action, body in post_forms(response.content.decode(), path.split("?")[0]):
            assert 'name="csrfmiddlewaretoken"' in body, f"form to {action} on {path}"
            actions.setdefault(action.split("#")[0], path)
    assert actions, "no POST forms found on the public pages"
    for action in actions:
        response = Client(enforce_csrf_checks=True).post(action, {"anything": "x"})
        assert response.status_code == 403, action
