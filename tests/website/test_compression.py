"""Public HTML sent compressed (website/compression.py): brotli or gzip as the visitor asks, with
Vary: Accept-Encoding, and never for an answer whose secrets BREACH could read (staff, a session
or contributor cookie, /admin/, the answer to a POST)."""

import gzip
import http.client
import re
from urllib.parse import urlsplit

import brotli
import pytest

from django.core.cache import cache

from tests.auth import make_staff, sign_in
from website.compression import negotiate
from website.page_cache import page_key

CSRF_VALUE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def vary(response) -> set[str]:
    return {v.strip().lower() for v in response.get("Vary", "").split(",")}


@pytest.mark.parametrize(
    ("header", "encoding"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.5", "gzip"),
        ("*", "br"),
        ("identity", ""),
        ("", ""),
        ("br;q=nonsense", ""),
    ],
)
def test_the_encoding_is_the_one_the_visitor_accepts(header, encoding):
    assert negotiate(header) == encoding


def test_a_public_page_is_sent_brotli_or_gzip_with_vary(home_page, client):
    plain = client.get("/")
    assert "Content-Encoding" not in plain
    assert "accept-encoding" in vary(plain)

    br = client.get("/", headers={"Accept-Encoding": "gzip, br"})
    assert br["Content-Encoding"] == "br"
    assert "accept-encoding" in vary(br)
    assert brotli.decompress(br.content) == plain.content
    assert int(br["Content-Length"]) == len(br.content) < len(plain.content) / 2

    gz = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain.content


def test_a_form_page_is_compressed_with_a_token_masked_afresh_each_time(home_page, client):
    """What makes compressing a page with a CSRF token safe: no two answers carry the same bytes."""
    tokens = set()
    for _ in range(3):
        response = client.get("/have-your-say/pin/", headers={"Accept-Encoding": "br"})
        assert response["Content-Encoding"] == "br"
        tokens.add(CSRF_VALUE.search(brotli.decompress(response.content)).group(1))
    assert len(tokens) == 3


def test_staff_admin_and_posts_are_sent_as_they_are(home_page, client):
    accept = {"Accept-Encoding": "br, gzip"}
    assert client.post("/have-your-say/pin/", {}, headers=accept).get("Content-Encoding") is None
    # A contributor's cookie: the ideas page shows what this visitor supported.
    client.cookies["spb_contributor"] = "x"
    assert client.get("/have-your-say/ideas/", headers=accept).get("Content-Encoding") is None
    del client.cookies["spb_contributor"]
    # The admin's own pages, even its anonymous sign-in page.
    login = client.get("/admin/login/", headers=accept)
    assert login.status_code == 200
    assert login.get("Content-Encoding") is None
    sign_in(client, make_staff(superuser=True))
    for path in ("/", "/admin/"):
        response = client.get(path, headers=accept)
        assert response.status_code == 200, path
        assert response.get("Content-Encoding") is None, path


def _get(server, path, headers):
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def test_the_asgi_front_keeps_each_encoding_apart(asgi_server, settings):
    settings.PAGE_CACHE_SECONDS = 300
    host = f"127.0.0.1:{asgi_server.port}"
    _get(asgi_server, "/", {})  # a fresh site's first page makes its settings row
    for layer in ("page", "front-br", "front-gzip", "front-identity"):
        cache.delete(page_key(host, "/", layer=layer))
    first, first_body = _get(asgi_server, "/", {"Accept-Encoding": "br"})
    again, again_body = _get(asgi_server, "/", {"Accept-Encoding": "br"})
    assert again.getheader("X-Page-Cache") == "front"
    assert again.getheader("Content-Encoding") == "br" == first.getheader("Content-Encoding")
    assert "Accept-Encoding" in again.getheader("Vary")
    plain, plain_body = _get(asgi_server, "/", {})
    assert plain.getheader("Content-Encoding") is None
    assert brotli.decompress(again_body) == brotli.decompress(first_body) == plain_body
    gz, gz_body = _get(asgi_server, "/", {"Accept-Encoding": "gzip"})
    assert gz.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(gz_body) == plain_body
