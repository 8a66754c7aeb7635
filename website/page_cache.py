"""Whole rendered public pages kept in the Django cache, for visitors who carry no session.

Only the views named in `PAGE_CACHE_VIEWS` are cached, only for GET and HEAD, only when the
request carries no cookie but the CSRF one (a session means staff, with a userbar; a contributor
cookie changes what the ideas page shows), and only when the response is a 200 that sets no cookie
and did not touch the session. `/admin/`, the API and the receipt page are never named.

A form's CSRF token and idempotency key are one visitor's: they are cut out of the stored page and
each visitor gets fresh ones when it is served (`_HOLES`). A page whose CSRF token was used
somewhere else than in a form field is not stored at all.

Every entry belongs to a generation: publishing or unpublishing a page, saving a snippet or a
setting, or a moderation decision starts a new one (`website/page_cache_signals.py`), so every page
is rendered again at once. `PAGE_CACHE_SECONDS` bounds what nothing signals (dates, statistics)."""

import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve

GENERATION_KEY = "page-cache:generation"
# Set on every page this layer stores or serves, for website/page_cache_front.py: "whole" (no
# per-visitor hole: kept as sent) or "holes" (a form: kept with its holes cut again, filled there
# per visitor). It never leaves the server.
FRONT_HEADER = "X-Page-Cache-Front"
_CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
_KEY_FIELD = re.compile(rb'(name="idempotency_key" value=")[0-9a-f-]{36}(")')
CSRF_HOLE = b"\x00csrf\x00"
_KEY_HOLE = b"\x00key\x00"
# Headers a stored page keeps; cookies and anything per-visitor are left behind.
_KEPT_HEADERS = ("Content-Type", "Cache-Control", "Vary", "X-Frame-Options", "Expires")


def new_generation() -> None:
    """Every stored page is out of date from now on (after the current transaction commits, so
    that no request renders the old data again into the new generation)."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, None))


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if set(request.COOKIES) - {settings.CSRF_COOKIE_NAME}:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in settings.PAGE_CACHE_VIEWS


def page_key(host: str, full_path: str, layer: str = "page") -> str:
    generation = cache.get(GENERATION_KEY) or "0"
    return f"{layer}-cache:{generation}:{host}:{full_path}"


def cut_holes(body: bytes) -> tuple[bytes, int] | None:
    """The body with every visitor-specific value replaced by a hole, and how many CSRF fields
    it had; None if a token in a field also shows anywhere else (a script or attribute this
    cannot find would hand one visitor's token, and so their secret, to the next)."""
    tokens = {m.group(0)[len(m.group(1)) : -1] for m in _CSRF_FIELD.finditer(body)}
    body, csrf_fields = _CSRF_FIELD.subn(rb"\1" + CSRF_HOLE + rb"\2", body)
    if any(token in body for token in tokens):
        return None
    return _KEY_FIELD.sub(rb"\1" + _KEY_HOLE + rb"\2", body), csrf_fields


def _cut_holes(request, body: bytes) -> bytes | None:
    """`cut_holes`, or None if the CSRF token was spent somewhere this cannot find (then the
    page is not stored)."""
    cut = cut_holes(body)
    if cut is None or (request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not cut[1]):
        return None
    return cut[0]


def _front_mark(body: bytes) -> str:
    """What the front layer may do with this page: keep it as sent, or cut its holes again."""
    return "holes" if CSRF_HOLE in body or _KEY_HOLE in body else "whole"


def fill_holes(body: bytes, csrf_token: bytes) -> bytes:
    body = body.replace(CSRF_HOLE, csrf_token)
    while _KEY_HOLE in body:
        body = body.replace(_KEY_HOLE, str(uuid.uuid4()).encode(), 1)
    return body


def _fill_holes(request, body: bytes) -> bytes:
    # The visitor's own token; CsrfViewMiddleware then sends them its cookie.
    return fill_holes(body, get_token(request).encode() if CSRF_HOLE in body else b"")


class PublicPageCacheMiddleware:
    """Sits after CsrfViewMiddleware (which reads the visitor's CSRF cookie and sends it back) and
    before authentication, which a cached visitor never needs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = page_key(request.get_host(), request.get_full_path())
        stored = cache.get(key)
        if stored is not None:
            return self._serve(request, stored)
        response = self.get_response(request)
        if self._storable(request, response):
            body = _cut_holes(request, response.content)
            if body is not None:
                headers = {h: response[h] for h in _KEPT_HEADERS if h in response}
                cache.set(key, (headers, body), settings.PAGE_CACHE_SECONDS)
                response[FRONT_HEADER] = _front_mark(body)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _storable(request, response) -> bool:
        session = getattr(request, "session", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # The visitor sent no session cookie, so a session read (the userbar asks who is
            # signed in) found nothing; one written would be sent back as a cookie.
            and not (session is not None and session.modified)
        )

    @staticmethod
    def _serve(request, stored) -> HttpResponse:
        headers, body = stored
        response = HttpResponse(_fill_holes(request, body), headers=headers)
        response["X-Page-Cache"] = "hit"
        # Django's layer answers when the front's copy expired before this one.
        response[FRONT_HEADER] = _front_mark(body)
        return response
