"""Security headers and the Content Security Policy on every public page type, and the looser
admin policy kept to /admin/."""

import json

import pytest

from security.csp import public_policy, source_for_url_template
from tests.website.test_settings import PRODUCTION_ENV, run_manage


def parse_csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *values = directive.split()
        policy[name] = values
    return policy


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
