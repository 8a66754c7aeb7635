"""The ASGI front layer's answers of cached form pages (website/page_cache_front.py): each
visitor's own freshly masked CSRF token, accepted by Django's CsrfViewMiddleware; a cookie only
for a visitor who had none, set as Django sets it; and never a cached page for a session, /admin/
or a receipt."""

import http.client
import re
from urllib.parse import urlencode, urlsplit

import pytest

from django.core.cache import cache
from django.middleware.csrf import _unmask_cipher_token

CSRF_VALUE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY_VALUE = re.compile(rb'name="idempotency_key" value="([^"]+)"')
FORM = "/have-your-say/ideas/new/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def _request(server, path, method="GET", cookie="", body=None, headers=None):
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    sent = dict(headers or {})
    if cookie:
        sent["Cookie"] = cookie
    if body is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def _csrf_cookie(response) -> str | None:
    for name, value in response.getheaders():
        if name.lower() == "set-cookie" and value.startswith("csrftoken="):
            return value.split(";")[0].split("=", 1)[1]
    return None


def _front_answer(server, path=FORM, **kwargs):
    """A GET answered by the front layer (the first fills Django's layer and the front's)."""
    for _ in range(3):
        response, body = _request(server, path, **kwargs)
        if _served_by_front(response):
            return response, body
    raise AssertionError(f"{path} was never answered by the front layer")


def _served_by_front(response) -> bool:
    return response.getheader("X-Page-Cache") == "front"


def test_a_post_with_the_token_of_a_front_layer_page_is_accepted(asgi_server):
    response, body = _front_answer(asgi_server)
    secret = _csrf_cookie(response)
    (token,) = CSRF_VALUE.findall(body)
    posted, answer = _request(
        asgi_server,
        FORM,
        method="POST",
        cookie=f"csrftoken={secret}",
        body=urlencode({"csrfmiddlewaretoken": token.decode()}),
    )
    # The form's own errors, not Django's CSRF refusal.
    assert posted.status != 403, answer[:500]
    assert b"CSRF" not in answer
    forged, _ = _request(
        asgi_server,
        FORM,
        method="POST",
        cookie=f"csrftoken={secret}",
        body=urlencode({"csrfmiddlewaretoken": "x" * 64}),
    )
    assert forged.status == 403  # the check above can fail


def test_two_visitors_never_get_the_same_token_or_key(asgi_server):
    answers = [_front_answer(asgi_server) for _ in range(4)]
    tokens = [CSRF_VALUE.findall(body)[0] for _, body in answers]
    secrets = [_csrf_cookie(response) for response, _ in answers]
    keys = [KEY_VALUE.findall(body) for _, body in answers]
    assert len(set(tokens)) == len(tokens)
    assert len(set(secrets)) == len(secrets)
    assert all(b"\x00" not in body for _, body in answers)
    assert all(keys) and len({tuple(k) for k in keys}) == len(keys)


def test_a_visitors_token_matches_their_own_cookie_which_is_not_sent_again(asgi_server):
    secret = "A" * 16 + "b" * 16
    first, body = _front_answer(asgi_server, cookie=f"csrftoken={secret}")
    again, again_body = _front_answer(asgi_server, cookie=f"csrftoken={secret}")
    for answer in (body, again_body):
        (token,) = CSRF_VALUE.findall(answer)
        assert _unmask_cipher_token(token.decode()) == secret
    assert CSRF_VALUE.findall(body) != CSRF_VALUE.findall(again_body)  # masked afresh
    assert first.getheader("Set-Cookie") is None
    assert again.getheader("Set-Cookie") is None


def test_a_visitor_without_the_cookie_gets_one_set_as_django_sets_it(asgi_server, settings):
    response, body = _front_answer(asgi_server)
    (cookie,) = [v for k, v in response.getheaders() if k.lower() == "set-cookie"]
    secret = _csrf_cookie(response)
    (token,) = CSRF_VALUE.findall(body)
    assert _unmask_cipher_token(token.decode()) == secret
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert {"max-age", "expires", "path", "samesite"} <= attributes
    assert ("httponly" in attributes) == settings.CSRF_COOKIE_HTTPONLY
    assert f"SameSite={settings.CSRF_COOKIE_SAMESITE}" in cookie
    assert f"Max-Age={settings.CSRF_COOKIE_AGE}" in cookie


def test_an_unreadable_csrf_cookie_is_left_to_django(asgi_server):
    _front_answer(asgi_server)
    response, body = _request(asgi_server, FORM, cookie="csrftoken=not-a-secret")
    assert not _served_by_front(response)
    secret = _csrf_cookie(response)  # Django's layer replaced it
    assert secret and secret != "not-a-secret"
    (token,) = CSRF_VALUE.findall(body)
    assert _unmask_cipher_token(token.decode()) == secret


def test_a_visitor_with_a_session_cookie_gets_djangos_layer(asgi_server):
    _front_answer(asgi_server)
    for cookie in ("sessionid=abc", "csrftoken=" + "c" * 32 + "; sessionid=abc"):
        response, body = _request(asgi_server, FORM, cookie=cookie)
        assert response.getheader("X-Page-Cache") is None, cookie
        assert b"\x00" not in body


def test_compressed_form_pages_are_filled_then_compressed(asgi_server):
    import brotli

    response, body = _front_answer(asgi_server, headers={"Accept-Encoding": "br"})
    assert response.getheader("Content-Encoding") == "br"
    page = brotli.decompress(body)
    (token,) = CSRF_VALUE.findall(page)
    assert _unmask_cipher_token(token.decode()) == _csrf_cookie(response)


@pytest.mark.parametrize("path", ["/admin/login/", "/have-your-say/receipt/"])
def test_admin_and_receipt_are_never_answered_from_the_cache(asgi_server, path):
    for _ in range(3):
        response, _ = _request(asgi_server, path)
        assert response.getheader("X-Page-Cache") is None, path
