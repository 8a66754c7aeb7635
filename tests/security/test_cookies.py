"""Every cookie the site sets is HttpOnly and SameSite=Lax, and Secure under the production
settings (tested here with production's cookie settings switched on)."""

import json
import uuid

import pytest

from django.test import Client

from tests.auth import PASSWORD, authenticator, make_staff, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_cookies(settings):
    # What website/settings/production.py sets (its values are checked in test_headers.py).
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True


def set_cookies(*responses) -> dict:
    cookies = {}
    for response in responses:
        for name, morsel in response.cookies.items():
            if morsel.value:  # a deleted cookie is sent back empty, already expired
                cookies[name] = morsel
    return cookies


def test_every_cookie_is_httponly_samesite_and_secure(production_cookies, home_page):
    from places.models import NamedPlace

    staff = make_staff("Moderators")
    device = authenticator(staff)
    client = Client()
    responses = [client.get("/admin/login/", secure=True)]
    responses.append(
        client.post(
            "/admin/login/",
            {"username": staff.username, "password": PASSWORD, "next": "/admin/"},
            secure=True,
        )
    )
    responses.append(client.post("/admin/mfa/verify/", {"code": totp_code(device)}, secure=True))
    contributor = Client()
    responses.append(contributor.get("/have-your-say/pin/", secure=True))
    responses.append(
        contributor.post(
            "/api/v1/pins",
            json.dumps({"feeling": "safe", "place": NamedPlace.objects.active().first().slug}),
            content_type="application/json",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            secure=True,
        )
    )
    cookies = set_cookies(*responses)
    assert {"sessionid", "csrftoken", "spb_contributor"} <= set(cookies)
    for name, morsel in cookies.items():
        assert morsel["httponly"], name
        assert morsel["secure"], name
        assert morsel["samesite"] == "Lax", name


def test_browsing_public_pages_sets_no_cookie(home_page):
    client = Client()
    for path in ("/", "/search/?q=help", "/community-map/", "/services/"):
        response = client.get(path)
        assert response.status_code in (200, 404)
        assert set_cookies(response) == {}, path
