"""Fuzzing both JSON APIs from their own OpenAPI schemas (schemathesis): valid and invalid
requests to every operation, through the real Django stack and test database. No request may
cause a server error, and every 4xx answer must be JSON.

Bounded and deterministic so CI stays fast and stable: FUZZ_EXAMPLES (default 30) examples per
operation and generation mode; FUZZ_RANDOM=1 explores new examples on every run."""

import contextlib
import json
import os

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.participation.factories import ApprovedPinFactory, ApprovedProposalFactory

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
DERANDOMIZE = os.environ.get("FUZZ_RANDOM") != "1"
SCHEMAS = {"api-v1": "/api/v1/openapi.json", "oruk": "/api/oruk/openapi.json"}


def problems_with(case, response) -> list[str]:
    query = f"?{case.query}" if case.query else ""
    where = f"{case.method} {case.formatted_path}{query} -> {response.status_code}"
    if response.status_code >= 500:
        return [f"{where}: server error"]
    if 400 <= response.status_code < 500:
        headers = {key.lower(): value for key, value in response.headers.items()}
        content_type = headers.get("content-type", [""])
        content_type = content_type[0] if isinstance(content_type, list) else content_type
        if not content_type.startswith("application/json"):
            return [f"{where}: {content_type!r}, not JSON"]
        if case.method.upper() == "HEAD":
            # A HEAD answer carries the GET's headers and, by HTTP's definition, no body.
            return []
        try:
            json.loads(response.content)
        except ValueError:
            return [f"{where}: body is not JSON"]
    return []


@contextlib.contextmanager
def connections_kept_open():
    # As Django's test client does: the WSGI handler would close the test's database connection
    # (and its transaction) at the end of every request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def fuzz(schema_path: str) -> tuple[list[str], int]:
    schema = schemathesis.openapi.from_wsgi(schema_path, get_wsgi_application())
    found: list[str] = []
    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=DERANDOMIZE,
                suppress_health_check=list(HealthCheck),
                phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case):
                nonlocal calls
                calls += 1
                found.extend(problems_with(case, case.call()))

            try:
                run()
            except hypothesis.errors.Unsatisfiable:
                # Nothing invalid can be built for it (no parameters, no body): nothing to do.
                assert mode == GenerationMode.NEGATIVE, operation.label
    return found, calls


@pytest.fixture
def some_data(home_page):
    from demo import directory as demo

    demo.seed(lambda message: None)  # the directory, for the ORUK feed to serialise
    ApprovedProposalFactory()
    ApprovedPinFactory()


@pytest.mark.parametrize("name", SCHEMAS)
def test_fuzzing_finds_no_server_error_and_only_json_4xx(name, some_data, settings):
    # Rate limits would turn most of the fuzzing into 429s: these tests are about input.
    settings.PARTICIPATION_RATE_LIMITS = dict.fromkeys(
        (
            "pin-contributor",
            "pin-address",
            "proposal-contributor",
            "proposal-address",
            "support-contributor",
            "support-address",
            "receipt-address",
        ),
        (10000, 3600),
    )
    with connections_kept_open():
        found, calls = fuzz(SCHEMAS[name])
    assert calls >= EXAMPLES
    assert sorted(set(found))[:20] == [], "\n".join(sorted(set(found)))
