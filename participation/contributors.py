"""Anonymous contributors: a random token in a cookie, known to the server only as a keyed hash.

The token says nothing about the person; it lets the server count distinct contributors, apply
rate limits and allow one support per idea. The cookie is never refreshed, so a token lives at
most `CONTRIBUTOR_TOKEN_MAX_AGE` seconds (30 days) and is then replaced by a new,
unrelated one: contributions made a month apart cannot be linked. It is only set once someone
contributes; browsing sets nothing."""

import secrets
from dataclasses import dataclass

from django.conf import settings

from security.ip import rate_limit_identity

from .codes import keyed_hash

COOKIE_NAME = "spb_contributor"
_TOKEN_BYTES = 24


def token_max_age() -> int:
    return settings.CONTRIBUTOR_TOKEN_MAX_AGE


@dataclass(frozen=True)
class Contributor:
    token: str
    is_new: bool

    @property
    def hash(self) -> str:
        return keyed_hash("contributor", self.token)


def _valid(token: str) -> bool:
    return 16 <= len(token) <= 64 and all(c.isalnum() or c in "-_" for c in token)


def contributor_for(request) -> Contributor:
    """The request's contributor: the cookie's token, or a fresh one (not yet sent back)."""
    token = request.COOKIES.get(COOKIE_NAME, "")
    if _valid(token):
        return Contributor(token, is_new=False)
    return Contributor(secrets.token_urlsafe(_TOKEN_BYTES), is_new=True)


def remember(response, contributor: Contributor):
    """Sends a new token back in the cookie; an existing one is left alone so it expires."""
    if contributor.is_new:
        response.set_cookie(
            COOKIE_NAME,
            contributor.token,
            max_age=token_max_age(),
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def client_address(request) -> str:
    """The address rate limits are keyed on (security.ip decides which proxies to believe).
    Only ever hashed into short-lived cache keys, never stored or logged."""
    return rate_limit_identity(request)
