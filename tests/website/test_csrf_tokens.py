"""The front page-cache layer's CSRF secrets, tokens and cookie (website/csrf_tokens.py) are
exactly what Django's CsrfViewMiddleware makes and accepts."""

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.http import HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    _does_token_match,
    _unmask_cipher_token,
)
from django.test import override_settings

from website import csrf_tokens

secrets = st.text(
    alphabet=CSRF_ALLOWED_CHARS, min_size=CSRF_SECRET_LENGTH, max_size=CSRF_SECRET_LENGTH
)


@given(secrets)
def test_a_masked_token_unmasks_to_its_secret(secret):
    token = csrf_tokens.masked(secret)
    assert len(token) == 2 * CSRF_SECRET_LENGTH
    assert set(token) <= set(CSRF_ALLOWED_CHARS)
    assert _unmask_cipher_token(token) == secret
    assert _does_token_match(token, secret)


def test_each_token_is_masked_afresh():
    secret = csrf_tokens.new_secret()
    assert len({csrf_tokens.masked(secret) for _ in range(100)}) == 100


def test_a_new_secret_has_the_form_django_sets():
    secret = csrf_tokens.new_secret()
    assert len(secret) == CSRF_SECRET_LENGTH
    assert set(secret) <= set(CSRF_ALLOWED_CHARS)


def test_every_character_is_equally_likely():
    # A plain `byte % 62` would make the first eight characters 25% likelier than the rest;
    # with 4,000 expected of each, 15% is over nine standard deviations of chance.
    counts = Counter("".join(csrf_tokens.new_secret() for _ in range(62 * 4000 // 32)))
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    expected = 62 * 4000 // 32 * 32 / 62
    assert all(abs(n - expected) < 0.15 * expected for n in counts.values())


def django_cookie(secret):
    from django.conf import settings

    response = HttpResponse()
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        secret,
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    morsel = response.cookies[settings.CSRF_COOKIE_NAME]
    return b"set-cookie", morsel.output(header="").strip().encode("latin-1")


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"CSRF_COOKIE_SECURE": True, "CSRF_COOKIE_SAMESITE": "Strict"},
        {"CSRF_COOKIE_DOMAIN": ".example.org", "CSRF_COOKIE_HTTPONLY": False},
        {"CSRF_COOKIE_AGE": None, "CSRF_COOKIE_PATH": "/have-your-say/"},
        {"CSRF_COOKIE_NAME": "spb_csrf", "CSRF_COOKIE_SAMESITE": None},
    ],
)
def test_the_cookie_is_the_one_django_sets(overrides):
    secret = csrf_tokens.new_secret()
    with override_settings(**overrides):
        ours = csrf_tokens.cookie_header(secret)
        theirs = django_cookie(secret)
    # The expiry is to the second: if a second ticked between the two, ask again.
    if ours != theirs:
        with override_settings(**overrides):
            ours, theirs = csrf_tokens.cookie_header(secret), django_cookie(secret)
    assert ours == theirs
