"""Privacy invariants, tried on many generated inputs (hypothesis)."""

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.test import Client

from moderation.models import ModerationStatus
from participation.codes import WORDS, code_hash, keyed_hash, normalise_code, receipt_code
from participation.models import Pin

from .factories import PinFactory

FAST = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(st.uuids(), st.integers(min_value=0, max_value=7))
def test_every_receipt_code_is_easy_to_type_back_in(key, attempt):
    code = receipt_code("pin", str(key), attempt)
    assert normalise_code(code) == code
    assert normalise_code(code.upper().replace("-", "  ")) == code
    assert all(word in WORDS for word in code.split("-")[:3])
    assert len(code) <= 8 * 3 + 3 + 2


@FAST
@given(st.text(max_size=60))
def test_anything_typed_is_a_code_or_nothing(text):
    code = normalise_code(text)
    assert code is None or normalise_code(code) == code


@FAST
@given(st.text(alphabet=st.characters(codec="ascii"), min_size=16, max_size=64))
def test_stored_hashes_never_contain_what_they_hash(token):
    for digest in (keyed_hash("contributor", token), code_hash(token)):
        assert len(digest) == 64 and token not in digest


STATES = st.sampled_from(
    [
        (ModerationStatus.PENDING, False),
        (ModerationStatus.PENDING, True),
        (ModerationStatus.ESCALATED, True),
        (ModerationStatus.ESCALATED, False),
        (ModerationStatus.REJECTED, False),
        (ModerationStatus.APPROVED, False),
    ]
)


@pytest.mark.django_db
@FAST
@given(st.lists(STATES, min_size=1, max_size=6))
def test_published_is_exactly_the_approved_and_unflagged(states):
    Pin.objects.all().delete()
    expected = set()
    for status, flagged in states:
        pin = PinFactory(moderated=status, moderated__flagged=flagged)
        if status == ModerationStatus.APPROVED and not flagged:
            expected.add(pin.pk)
    assert set(Pin.objects.published().values_list("pk", flat=True)) == expected


@pytest.mark.django_db
@FAST
@given(comment=st.text(max_size=200), feeling=st.sampled_from(["safe", "unsafe"]))
def test_a_submission_answer_never_echoes_what_was_written(comment, feeling):
    response = Client(REMOTE_ADDR=f"192.0.2.{uuid.uuid4().int % 250}").post(
        "/api/v1/pins",
        data=json.dumps({"feeling": feeling, "place": "easton", "comment": comment}),
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code in (201, 400)
    body = response.json()
    if response.status_code == 201:
        assert set(body) == {"id", "status", "receipt"}
    else:
        assert [error["field"] for error in body["errors"]] == ["comment"]
    if len(comment.strip()) > 12:  # long enough not to occur in an id or a code by chance
        assert comment.strip() not in response.content.decode()
