"""After a crash: a submission whose process died leaves its key's claim "processing"; a retry
takes it over once the claim is PARTICIPATION_IDEMPOTENCY_CLAIM_SECONDS old, never while its
owner is still writing, and never duplicating the contribution."""

import time
import uuid
from datetime import timedelta

import pytest

from django.db import connection
from django.utils import timezone

from participation.models import IdempotencyRecord, IdempotencyState, Pin
from tests.participation.test_concurrency import first_request_held_half_way, post

pytestmark = pytest.mark.django_db(transaction=True)


def die_after_claiming(key: str, settings) -> None:
    """The state a crash leaves: the claim committed, the contribution never written. Made by a
    real request whose claim is then put back as its owner left it (the claim holds only a
    keyed hash of the key and of the body, so it is made by the code that makes them)."""
    status, _ = post(key)
    assert status == 201
    Pin.objects.all().delete()
    IdempotencyRecord.objects.update(
        state=IdempotencyState.PROCESSING,
        object_id="",
        created_at=timezone.now()
        - timedelta(seconds=settings.PARTICIPATION_IDEMPOTENCY_CLAIM_SECONDS - 1),
    )


def test_a_retry_takes_over_a_dead_owners_claim_within_seconds(reference_data, settings):
    key = str(uuid.uuid4())
    die_after_claiming(key, settings)
    # Younger than the lease: the owner may still be at work.
    assert post(key)[0] == 409
    time.sleep(1.5)
    status, body = post(key)
    assert status == 201
    assert post(key) == (200, body)
    assert Pin.objects.count() == 1
    assert IdempotencyRecord.objects.get().state == IdempotencyState.DONE


def test_a_live_owner_is_never_taken_over_however_old_its_claim(reference_data, settings):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite lets one writer in at a time: a take-over waits for the owner's commit "
            "and then finds the key done (covered by the burst test)."
        )
    settings.PARTICIPATION_IDEMPOTENCY_CLAIM_SECONDS = 0  # every claim is "old" at once
    key = str(uuid.uuid4())
    results = {}
    release, first, holder = first_request_held_half_way(key, results)
    time.sleep(0.3)  # the owner is inside its write, holding its claim's row lock
    assert post(key)[0] == 409
    release.set()
    first.join(30)
    holder.join(30)
    assert results["first"][0] == 201
    assert Pin.objects.count() == 1
