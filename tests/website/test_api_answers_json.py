"""Every answer under /api/ is JSON in the API's error shape, {"errors": [{"field", "message"}]}:
a body too large (413, with DEBUG too), a path that matches nothing (404, not the site's HTML
page), a method a path does not take (405), a server error (500, with DEBUG too). HEAD works
wherever GET does."""

import json

import pytest

from django.test import Client

pytestmark = pytest.mark.django_db

TEN_MB = 10 * 1024 * 1024


def assert_api_error(response, status: int, field: str | None = None):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = json.loads(response.content)
    assert set(body) == {"errors"}, body
    assert body["errors"] and all(set(e) == {"field", "message"} for e in body["errors"]), body
    assert all(e["message"] for e in body["errors"])
    if field is not None:
        assert [e["field"] for e in body["errors"]] == [field]
    return body


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


@pytest.mark.parametrize("path", ["/api/v1/pins", "/api/v1/proposals", "/api/v1/nowhere"])
def test_a_ten_megabyte_body_is_a_json_413(client, debug, home_page, path):
    body = json.dumps({"feeling": "safe", "comment": "x" * TEN_MB})
    response = client.post(path, data=body, content_type="application/json")
    assert_api_error(response, 413, "body")


def test_a_ten_megabyte_form_body_is_a_json_413(client, debug, home_page):
    response = client.post("/api/v1/pins", {"comment": "x" * TEN_MB})
    assert_api_error(response, 413, "body")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nowhere",
        "/api/v1/pins/extra",
        "/api/v1/proposals/not-a-uuid/support/x",
        "/api/v1/",
        "/api/",
        "/api/v2/pins",
        "/api/oruk/nowhere",
    ],
)
def test_a_path_that_matches_nothing_is_a_json_404(client, debug, home_page, path):
    assert_api_error(client.get(path), 404, "path")


def test_an_unknown_receipt_is_still_the_routes_own_404(client, home_page):
    response = client.get("/api/v1/receipts/maple-otter-kite-48")
    assert_api_error(response, 404, "code")


@pytest.mark.parametrize(
    ("method", "path"),
    [("put", "/api/v1/pins"), ("delete", "/api/v1/reasons"), ("post", "/api/v1/places")],
)
def test_a_method_a_path_does_not_take_is_a_json_405(client, home_page, method, path):
    response = getattr(client, method)(path, content_type="application/json")
    assert_api_error(response, 405, "method")
    assert response["Allow"]


def test_a_server_error_is_a_json_500(debug, home_page, monkeypatch):
    class Broken:
        class objects:
            @staticmethod
            def active():
                raise RuntimeError("a bug")

    monkeypatch.setattr("participation.api.Reason", Broken)
    response = Client(raise_request_exception=False).get("/api/v1/reasons")
    body = assert_api_error(response, 500, "body")
    assert "a bug" not in json.dumps(body) and "Traceback" not in json.dumps(body)


def test_a_nul_character_is_a_json_400(client, home_page):
    assert_api_error(client.get("/api/v1/places?q=%00"), 400)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/reasons",
        "/api/v1/places?q=castle",
        "/api/v1/proposals",
        "/api/v1/community-map.geojson",
        "/api/v1/openapi.json",
        "/api/oruk/services",
    ],
)
def test_head_works_wherever_get_does(client, home_page, path):
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == 200
    assert head.status_code == 200, head.content[:300]
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


def test_a_rewritten_answer_keeps_the_headers_of_the_original(client, home_page):
    response = client.put("/api/v1/pins", content_type="application/json")
    assert_api_error(response, 405, "method")
    assert response["X-Frame-Options"] == "DENY"
    assert "POST" in response["Allow"]
