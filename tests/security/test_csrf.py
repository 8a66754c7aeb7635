"""CSRF: every HTML form carries Django's token and is refused without it; the JSON API, called
with fetch from our own pages, refuses state-changing requests that a browser marks as coming
from another site (see the README, "CSRF and the JSON API")."""

import json
import re
import uuid

import pytest

from django.test import Client

from tests.participation.factories import ApprovedProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_a_form_with_its_token_gets_through(csrf_client, home_page):
    page = csrf_client.get("/have-your-say/receipt/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = csrf_client.post(
        "/have-your-say/receipt/", {"csrfmiddlewaretoken": token, "code": "not a code"}
    )
    assert response.status_code != 403


def test_the_staff_sign_in_needs_its_token(csrf_client, home_page):
    response = csrf_client.post("/admin/login/", {"username": "a", "password": "b" * 16})
    assert response.status_code == 403


def _pin_body():
    from places.models import NamedPlace

    return json.dumps({"feeling": "safe", "place": NamedPlace.objects.active().first().slug})


def api_post(client, path, body="{}", method="post", **headers):
    return getattr(client, method)(
        path,
        data=body,
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4()), **headers},
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://testserver.evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example", "Sec-Fetch-Site": "same-origin"},
    ],
    ids=["foreign-origin", "null-origin", "lookalike-origin", "cross-site", "same-site", "both"],
)
def test_the_api_refuses_writes_from_other_sites(csrf_client, headers):
    proposal = ApprovedProposalFactory()
    receipt_path = "/api/v1/receipts/maple-otter-kite-48"
    attempts = [
        api_post(csrf_client, "/api/v1/pins", _pin_body(), **headers),
        api_post(csrf_client, "/api/v1/proposals", "{}", **headers),
        api_post(csrf_client, f"/api/v1/proposals/{proposal.pk}/support", **headers),
        api_post(csrf_client, receipt_path, method="delete", **headers),
    ]
    for response in attempts:
        assert response.status_code == 403
        assert response.json() == {
            "errors": [
                {"field": "origin", "message": "Requests from other sites are not accepted."}
            ]
        }
    from participation.models import Pin

    assert not Pin.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "same-origin"},
        {},  # not a browser: curl, a partner's script, the test client
    ],
    ids=["same-origin", "fetch-metadata-only", "no-browser-headers"],
)
def test_the_api_accepts_our_own_pages_and_non_browser_clients(csrf_client, headers):
    response = api_post(csrf_client, "/api/v1/pins", _pin_body(), **headers)
    assert response.status_code == 201, response.content


def test_reading_the_api_is_open_to_any_origin(csrf_client):
    response = csrf_client.get("/api/v1/reasons", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
