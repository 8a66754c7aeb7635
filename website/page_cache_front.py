"""Cached public pages answered over ASGI, before Django (the second layer of
website/page_cache.py).

A profile of a page served from Django's cache (py-spy, 10 clients) spent about 70% of the
worker in asgiref's thread hand-off (a new thread-sensitive executor per request, Thread.start,
join) and about 3% in Django's middleware: Django runs its synchronous middleware in a thread for
every request. So every page Django's layer stored is kept here too, with every header Django's
middleware set, and the next visitor with no cookie but the CSRF one gets it without entering
Django:

- a page with no per-visitor part ("whole") exactly as it was sent;
- a page with a form ("holes") with its CSRF token and idempotency keys cut out again, filled
  here for each visitor: the CSRF value is a freshly masked token of the visitor's own CSRF cookie
  secret (Django's masking, made faster in website/csrf_tokens.py, so CsrfViewMiddleware accepts
  the POST), and a visitor with no such cookie gets a new secret in a cookie set as Django sets it
  (the CSRF_COOKIE_* settings).
  A CSRF cookie this cannot read as a secret is left to Django, which replaces it.

Only what Django's layer marked is kept, so only the views of PAGE_CACHE_VIEWS (never /admin/,
the API or a receipt); /admin/ is refused here too, whatever a view list says."""

import re

from django.conf import settings
from django.core.cache import cache
from django.http.cookie import parse_cookie

from . import csrf_tokens
from .compression import compress, decompress, negotiate
from .page_cache import CSRF_HOLE, FRONT_HEADER, cut_holes, fill_holes, page_key

_FRONT = FRONT_HEADER.lower().encode()
# Django's layer says "miss" or "hit"; an answer from here says "front".
_STATE = b"x-page-cache"
# Left out of a kept form page's headers: set per answer here.
_PER_ANSWER = {b"set-cookie", b"content-length", _FRONT}
# The form of a secret Django sets in the CSRF cookie (CSRF_SECRET_LENGTH alphanumerics).
_SECRET = re.compile(r"[A-Za-z0-9]{32}")


def _header(scope, wanted: bytes) -> str:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k == wanted), "")


def _cookies(scope) -> dict:
    """The request's cookies, read as Django reads them (so both layers agree who is anonymous)."""
    cookies = {}
    for name, value in scope["headers"]:
        if name == b"cookie":
            cookies.update(parse_cookie(value.decode("latin-1")))
    return cookies


def _host_and_path(scope) -> tuple[str, str]:
    host = _header(scope, b"host")
    query = scope.get("query_string", b"").decode("latin-1")
    return host, scope["path"] + (f"?{query}" if query else "")


class PageCacheFront:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or settings.PAGE_CACHE_SECONDS <= 0
            or scope["path"].startswith("/admin/")
            or settings.CSRF_USE_SESSIONS
        ):
            return await self.application(scope, receive, send)
        cookies = _cookies(scope)
        if set(cookies) - {settings.CSRF_COOKIE_NAME}:
            return await self.application(scope, receive, send)
        # The cache's synchronous API on purpose: the local-memory cache is a dictionary and the
        # Redis one a sub-millisecond round trip, both cheaper than the thread hop Django's async
        # cache API would take.
        # Each encoding's bytes apart (website/compression.py compresses the answers kept here).
        encoding = negotiate(_header(scope, b"accept-encoding"))
        key = page_key(*_host_and_path(scope), layer=f"front-{encoding or 'identity'}")
        stored = cache.get(key)
        if stored is not None:
            status, headers, body, holes = stored
            if holes:
                answer = self._filled(headers, body, cookies)
                if answer is None:
                    return await self.application(scope, receive, self._keeping(key, scope, send))
                headers, body = answer
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send(
                {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
            )
            return
        await self.application(scope, receive, self._keeping(key, scope, send))

    @staticmethod
    def _filled(headers, body, cookies):
        """(headers, body) of a kept form page for this visitor, or None to leave them to Django."""
        if CSRF_HOLE not in body:
            secret = None  # only idempotency keys: no CSRF cookie wanted
        elif (secret := cookies.get(settings.CSRF_COOKIE_NAME)) is None:
            secret = csrf_tokens.new_secret()
            headers = [*headers, csrf_tokens.cookie_header(secret)]
        elif not _SECRET.fullmatch(secret):
            return None
        encoding = next((v.decode() for k, v in headers if k == b"content-encoding"), "")
        body = fill_holes(body, csrf_tokens.masked(secret).encode() if secret else b"")
        if encoding:
            body = compress(body, encoding)
        return [*headers, (b"content-length", str(len(body)).encode())], body

    @staticmethod
    def _keeping(key, scope, send):
        """`send`, which also keeps the answer Django's layer marked (FRONT_HEADER)."""
        answer = {}

        async def keep(message):
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                mark = next((v for k, v in headers if k.lower() == _FRONT), None)
                if mark is not None and scope["method"] == "GET":
                    answer.update(mark=mark, status=message["status"], headers=headers, body=[])
                message = {**message, "headers": [h for h in headers if h[0].lower() != _FRONT]}
            elif message["type"] == "http.response.body" and "body" in answer:
                answer["body"].append(message.get("body", b""))
                if not message.get("more_body"):
                    kept = _kept(answer)
                    if kept is not None:
                        cache.set(key, kept, settings.PAGE_CACHE_SECONDS)
            await send(message)

        return keep


def _kept(answer):
    """(status, headers, body, holes) to keep for an answer Django's layer marked, or None."""
    cookies = [v for k, v in answer["headers"] if k.lower() == b"set-cookie"]
    body = b"".join(answer["body"])
    if answer["mark"] == b"whole":
        if cookies:
            return None
        headers = [(k, b"front" if k.lower() == _STATE else v) for k, v in answer["headers"]]
        return answer["status"], [h for h in headers if h[0].lower() != _FRONT], body, False
    # A form: the only cookie it may set is this visitor's CSRF one, which is not kept.
    csrf_prefix = settings.CSRF_COOKIE_NAME.encode("latin-1") + b"="
    if any(not cookie.startswith(csrf_prefix) for cookie in cookies):
        return None
    headers = [
        (k.lower(), b"front" if k.lower() == _STATE else v)
        for k, v in answer["headers"]
        if k.lower() not in _PER_ANSWER
    ]
    encoding = next((v.decode() for k, v in headers if k == b"content-encoding"), "")
    cut = cut_holes(decompress(body, encoding))
    if cut is None:
        return None
    return answer["status"], headers, cut[0], True
