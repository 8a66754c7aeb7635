"""Cached public pages answered over ASGI, before Django (the second layer of
website/page_cache.py).

A profile of a page served from Django's cache (py-spy, 10 clients) spent about 70% of the
worker in asgiref's thread hand-off (a new thread-sensitive executor per request, Thread.start,
join) and about 3% in Django's middleware: Django runs its synchronous middleware in a thread for
every request. So a page with no per-visitor part (no CSRF token, no idempotency key), which
Django's layer marks with FRONT_HEADER, is kept here whole, exactly as it was sent (every security
header included, no cookie), and the next visitor with no cookie but the CSRF one gets it without
entering Django. Pages with a form still go through Django's layer, which fills in each visitor's
own token."""

from http.cookies import SimpleCookie

from django.conf import settings
from django.core.cache import cache

from .compression import negotiate
from .page_cache import FRONT_HEADER, page_key

_FRONT = FRONT_HEADER.lower().encode()
_STATE = b"x-page-cache"


def _header(scope, wanted: bytes) -> str:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k == wanted), "")


def _anonymous(scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"cookie":
            cookies = SimpleCookie()
            cookies.load(value.decode("latin-1"))
            if set(cookies) - {settings.CSRF_COOKIE_NAME}:
                return False
    return True


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
            or not _anonymous(scope)
        ):
            return await self.application(scope, receive, send)
        # The cache's synchronous API on purpose: the local-memory cache is a dictionary and the
        # Redis one a sub-millisecond round trip, both cheaper than the thread hop Django's async
        # cache API would take.
        # Each encoding's bytes apart (website/compression.py compresses the answers kept here).
        encoding = negotiate(_header(scope, b"accept-encoding"))
        key = page_key(*_host_and_path(scope), layer=f"front-{encoding or 'identity'}")
        stored = cache.get(key)
        if stored is not None:
            status, headers, body = stored
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send(
                {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
            )
            return
        await self.application(scope, receive, self._keeping(key, scope, send))

    @staticmethod
    def _keeping(key, scope, send):
        """`send`, which also keeps the answer when Django's layer marked it as the same for all."""
        answer = {}

        async def keep(message):
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                if any(name.lower() == _FRONT for name, _ in headers):
                    answer["status"] = message["status"]
                    answer["headers"] = [
                        (name, b"hit" if name.lower() == _STATE else value)
                        for name, value in headers
                        if name.lower() != _FRONT
                    ]
                    answer["body"] = []
                    message = {**message, "headers": [h for h in headers if h[0].lower() != _FRONT]}
                    if any(name.lower() == b"set-cookie" for name, _ in headers):
                        answer.clear()
            elif message["type"] == "http.response.body" and "body" in answer:
                answer["body"].append(message.get("body", b""))
                if not message.get("more_body") and scope["method"] == "GET":
                    body = b"".join(answer["body"])
                    cache.set(
                        key,
                        (answer["status"], answer["headers"], body),
                        settings.PAGE_CACHE_SECONDS,
                    )
            await send(message)

        return keep
