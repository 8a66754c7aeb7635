"""Public HTML pages sent compressed (brotli, else gzip), with `Vary: Accept-Encoding`.

BREACH reads a secret out of a compressed page by reflecting guesses into it and watching the
size, over many requests that all carry the same secret. So only pages whose every secret is new
in each answer are compressed: the ones an anonymous visitor gets (no cookie but the CSRF one,
the rule of the page cache). Their CSRF token is masked afresh for each answer by Django (and
by the page cache, which fills in each visitor's own), and an idempotency key is a new random
UUID each time; gzip also gets Django's random padding. A request with a session or contributor
cookie (staff pages under /admin/ show contributions and reflect searches; the ideas page shows
what this visitor supported), anything under /admin/, and the answer to a POST (a receipt code)
are sent as they are.

Compressed at brotli quality `HTML_BROTLI_QUALITY`: 20 to 40 KB of HTML in well under a
millisecond, about as small as gzip's best. The ASGI front layer (website/page_cache_front.py)
keeps each encoding's bytes apart, so a cached page is compressed once."""

import gzip

import brotli

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

MIN_BYTES = 200


def negotiate(accept_encoding: str) -> str:
    """'br', 'gzip' or '' for an Accept-Encoding header (a q=0 refuses)."""
    offered = {}
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        offered[name.strip()] = quality
    for encoding in ("br", "gzip"):
        if offered.get(encoding, offered.get("*", 0.0)) > 0:
            return encoding
    return ""


def compress(body: bytes, encoding: str) -> bytes:
    """`body` in `encoding` ('br' or 'gzip'); gzip with Django's random padding."""
    if encoding == "br":
        return brotli.compress(body, mode=brotli.MODE_TEXT, quality=settings.HTML_BROTLI_QUALITY)
    return compress_string(body, max_random_bytes=100)


def decompress(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


def anonymous(cookie_names) -> bool:
    return not set(cookie_names) - {settings.CSRF_COOKIE_NAME}


class PublicHTMLCompressionMiddleware:
    """First in MIDDLEWARE, so that it sees the answer last, after the page cache stored it
    (which cuts each visitor's CSRF token out of the plain bytes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
            return response
        # Whether compressed or not, the answer depends on the header.
        patch_vary_headers(response, ("Accept-Encoding",))
        if (
            request.method not in ("GET", "HEAD")
            or request.path_info.startswith("/admin/")
            or not anonymous(request.COOKIES)
            or response.has_header("Content-Encoding")
            or len(response.content) < MIN_BYTES
        ):
            return response
        encoding = negotiate(request.headers.get("Accept-Encoding", ""))
        if not encoding:
            return response
        body = compress(response.content, encoding)
        response.content = body
        response["Content-Length"] = str(len(body))
        response["Content-Encoding"] = encoding
        # Other bytes, so at most a weak match of the plain page's tag (as Django's GZip does).
        if (etag := response.get("ETag")) and etag.startswith('"'):
            response["ETag"] = "W/" + etag
        return response
