import json
import uuid

import pytest


@pytest.fixture(autouse=True)
def _own_rate_limits(settings):
    # Each test counts its own submissions: rate-limit keys live in a namespace of their own, so
    # a shared cache (Redis) never carries counts from one test, or one run, to the next.
    settings.PARTICIPATION_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex


def post_json(client, path, body, *, key: str | None = "new", **extra):
    headers = {}
    if key == "new":
        key = str(uuid.uuid4())
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post(
        path, data=json.dumps(body), content_type="application/json", headers=headers, **extra
    )


@pytest.fixture
def post_pin(client):
    def post(body, *, key="new", client=client, **extra):
        return post_json(client, "/api/v1/pins", body, key=key, **extra)

    return post


def errors_of(response) -> dict[str, str]:
    """{field: message} of a contract error body."""
    return {error["field"]: error["message"] for error in response.json()["errors"]}


@pytest.fixture
def reference_data(transactional_db):
    """For transactional tests: the gazetteer and reasons back after the flush."""
    from .factories import ensure_reference_data

    ensure_reference_data()
