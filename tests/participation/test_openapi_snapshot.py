"""The participation part of /api/v1/openapi.json, compared with the committed snapshot.

A change to the API shows up here as a diff to review. To accept an intended change:
    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/participation/test_openapi_snapshot.py"""

import json
import os
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")
PATHS = [
    "/api/v1/pins",
    "/api/v1/places",
    "/api/v1/reasons",
    "/api/v1/proposals",
    "/api/v1/proposals/{proposal_id}/support",
    "/api/v1/receipts/{code}",
]


def referenced(node, found: set) -> set:
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[-1])
        for value in node.values():
            referenced(value, found)
    elif isinstance(node, list):
        for value in node:
            referenced(value, found)
    return found


def participation_schema(schema: dict) -> dict:
    paths = {path: schema["paths"][path] for path in PATHS}
    names = referenced(paths, set())
    components = schema["components"]["schemas"]
    while True:  # schemas refer to other schemas
        more = referenced([components[name] for name in names], set()) - names
        if not more:
            break
        names |= more
    return {
        "paths": paths,
        "components": {"schemas": {name: components[name] for name in sorted(names)}},
    }


@pytest.mark.django_db
def test_the_participation_api_matches_its_snapshot(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    current = participation_schema(response.json())
    text = json.dumps(current, indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") or not SNAPSHOT.exists():
        SNAPSHOT.write_text(text)
    assert json.loads(SNAPSHOT.read_text()) == current


@pytest.mark.django_db
def test_every_submission_documents_its_key_and_its_error_answers(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/pins", "/api/v1/proposals"):
        post = schema["paths"][path]["post"]
        assert any(
            p["name"] == "Idempotency-Key" and p["in"] == "header" for p in post["parameters"]
        )
        assert {"200", "201", "400", "409", "422", "429"} <= set(post["responses"])
