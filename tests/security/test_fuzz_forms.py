"""Hypothesis against the anonymous HTML forms: whatever is posted (any text, control
characters, NUL, huge numbers, unknown choices, repeated fields), the answer is a page with
specific errors or a success, never a server error, and nothing half-saved."""

import os
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.participation.factories import ApprovedProposalFactory

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=os.environ.get("FUZZ_RANDOM") != "1",
    suppress_health_check=list(HealthCheck),
)

texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=1200),
    st.sampled_from(["", " ", "\x00", "\r\n" * 3, "🙂" * 5, "<script>x</script>", "-1e309", "NaN"]),
)
values = st.one_of(
    texts,
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["safe", "unsafe", "castle-park", "map", "place", "evening", "youth-club"]),
)


def field_values(names):
    return st.dictionaries(st.sampled_from(names), st.one_of(values, st.lists(values, max_size=3)))


@pytest.fixture
def no_rate_limits(settings):
    settings.PARTICIPATION_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex
    # Every limit the settings declare, so a limit added later is lifted too (the list written
    # out here missed "contributor-address": a KeyError, not a refusal).
    settings.PARTICIPATION_RATE_LIMITS = dict.fromkeys(
        settings.PARTICIPATION_RATE_LIMITS, (100000, 3600)
    )


PIN_FIELDS = [
    "feeling",
    "place",
    "location_source",
    "lat",
    "lng",
    "reasons_safe",
    "reasons_unsafe",
    "when",
    "comment",
    "exercise",
    "idempotency_key",
]
IDEA_FIELDS = ["title", "what", "where", "when", "why", "idempotency_key"]
RECEIPT_FIELDS = ["code", "action", "confirm"]


def test_the_pin_form_answers_any_input(client, home_page, no_rate_limits):
    from participation.models import Pin

    @FUZZ
    @given(data=field_values(PIN_FIELDS))
    def post(data):
        before = Pin.objects.count()
        response = client.post("/have-your-say/pin/", data)
        assert response.status_code in (200, 201, 400), (data, response.status_code)
        if response.status_code == 400:
            assert Pin.objects.count() == before
            assert b'class="error-summary' in response.content or b"error" in response.content

    post()


def test_the_idea_form_answers_any_input(client, home_page, no_rate_limits):
    @FUZZ
    @given(data=field_values(IDEA_FIELDS))
    def post(data):
        response = client.post("/have-your-say/ideas/new/", data)
        assert response.status_code in (200, 201, 400), (data, response.status_code)

    post()


def test_the_receipt_form_and_support_answer_any_input(client, home_page, no_rate_limits):
    proposal = ApprovedProposalFactory()

    @FUZZ
    @given(data=field_values(RECEIPT_FIELDS), extra=field_values(["confirm", "next"]))
    def post(data, extra):
        receipt = client.post("/have-your-say/receipt/", data)
        assert receipt.status_code in (200, 400, 404), (data, receipt.status_code)
        support = client.post(f"/have-your-say/ideas/{proposal.pk}/support/", extra)
        assert support.status_code < 500, (extra, support.status_code)

    post()
