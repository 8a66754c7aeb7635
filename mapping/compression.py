"""The GeoJSON answer compressed once per distinct body: 128 kB of JSON is about a tenth of that
gzipped, and compressing it costs more than serving it, so the compressed bytes are kept in the
cache under the body's ETag (a body is frozen for as long as its releases are)."""

import gzip
import re

from django.core.cache import cache

_GZIP = re.compile(r"\bgzip\b")


def accepts_gzip(request) -> bool:
    return bool(_GZIP.search(request.headers.get("Accept-Encoding", "")))


def gzip_etag(etag: str) -> str:
    # A compressed answer is another representation, so it has its own tag (RFC 9110 8.8.3).
    return etag[:-1] + '-gzip"'


def gzipped(body: bytes, etag: str) -> bytes:
    key = f"geojson-gzip:{etag}"
    compressed = cache.get(key)
    if compressed is None:
        # mtime=0: the same body always compresses to the same bytes.
        compressed = gzip.compress(body, compresslevel=6, mtime=0)
        cache.set(key, compressed, 60 * 60)
    return compressed
