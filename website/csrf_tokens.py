"""CSRF secrets, masked tokens and the CSRF cookie header, made for the front page-cache layer
(website/page_cache_front.py) in the form Django's CsrfViewMiddleware makes and accepts them.

Why not Django's own helpers: a profile of a cached form page answered by the front layer
(cProfile, 2,000 answers of a service page) spent 46% of each answer in
django.utils.crypto.get_random_string (one SystemRandom.choice call, and so one urandom call,
per character: 64 per answer), 16% in building an HttpResponse only to read its Set-Cookie, and
10% more in the masking's character lookups. Here a secret takes one urandom call, the masking
is table lookups, and the cookie header is formatted once a second.

The format is Django's (django.middleware.csrf): a secret is CSRF_SECRET_LENGTH characters of
CSRF_ALLOWED_CHARS; a token is a fresh mask of the same length followed by the secret with each
character shifted by the mask's character (indices added modulo the alphabet's length)."""

import os
import time

from django.conf import settings
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils.http import http_date

_CHARS = CSRF_ALLOWED_CHARS.encode()
_N = len(_CHARS)
# Bytes at or above the largest multiple of the alphabet's length are thrown away, so every
# character is equally likely (a plain `byte % 62` would favour the first eight).
_FAIR = 256 - 256 % _N
_UNFAIR = bytes(range(_FAIR, 256))
_TO_INDEX = bytes(b % _N for b in range(256))
_TO_CHAR = bytes(_CHARS[b % _N] for b in range(256))
_INDEX = {c: i for i, c in enumerate(_CHARS)}


def _random_indices(length: int) -> bytes:
    """`length` bytes, each a uniformly random index into the alphabet."""
    kept = b""
    while len(kept) < length:
        kept += os.urandom(length + 16).translate(None, _UNFAIR)
    return kept[:length].translate(_TO_INDEX)


def new_secret() -> str:
    return _random_indices(CSRF_SECRET_LENGTH).translate(_TO_CHAR).decode()


def masked(secret: str) -> str:
    """A freshly masked token of `secret`, which CsrfViewMiddleware unmasks back to it."""
    mask = _random_indices(CSRF_SECRET_LENGTH)
    cipher = bytes(_CHARS[(_INDEX[c] + m) % _N] for c, m in zip(secret.encode(), mask, strict=True))
    return (mask.translate(_TO_CHAR) + cipher).decode()


_cookie_template: tuple[tuple, str] = ((), "")


def cookie_header(secret: str) -> tuple[bytes, bytes]:
    """The Set-Cookie CsrfViewMiddleware sends for a new secret (the CSRF_COOKIE_* settings);
    its expiry date is formatted once per second."""
    global _cookie_template
    now = int(time.time())
    key = (
        now,
        *(
            getattr(settings, f"CSRF_COOKIE_{name}")
            for name in ("NAME", "DOMAIN", "AGE", "HTTPONLY", "PATH", "SAMESITE", "SECURE")
        ),
    )
    if _cookie_template[0] != key:
        parts = [f"{settings.CSRF_COOKIE_NAME}={{}}"]
        if settings.CSRF_COOKIE_DOMAIN:
            parts.append(f"Domain={settings.CSRF_COOKIE_DOMAIN}")
        if settings.CSRF_COOKIE_AGE is not None:
            parts.append(f"expires={http_date(now + settings.CSRF_COOKIE_AGE)}")
        if settings.CSRF_COOKIE_HTTPONLY:
            parts.append("HttpOnly")
        if settings.CSRF_COOKIE_AGE is not None:
            parts.append(f"Max-Age={settings.CSRF_COOKIE_AGE}")
        parts.append(f"Path={settings.CSRF_COOKIE_PATH}")
        if settings.CSRF_COOKIE_SAMESITE:
            parts.append(f"SameSite={settings.CSRF_COOKIE_SAMESITE}")
        if settings.CSRF_COOKIE_SECURE:
            parts.append("Secure")
        _cookie_template = (key, "; ".join(parts))
    return b"set-cookie", _cookie_template[1].format(secret).encode("latin-1")
