"""Duplicates that arrive at the same time: exactly one is created, whatever the database."""

import json
import threading
import time
import uuid

import pytest

from django.db import connection, transaction
from django.test import Client

from participation.models import IdempotencyRecord, IdempotencyState, Pin
from places.models import NamedPlace

pytestmark = pytest.mark.django_db(transaction=True)

BODY = {"feeling": "unsafe", "place": "castle-park", "reasons": ["poor-lighting"]}


def post(key: str, body=BODY):
    response = Client().post(
        "/api/v1/pins",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Idempotency-Key": key},
    )
    return response.status_code, response.json()


def in_thread(target, results, name):
    def run():
        try:
            results[name] = target()
        finally:
            connection.close()  # each thread's own connection, closed before the database goes

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def first_request_held_half_way(key: str, results: dict):
    """Starts a first request with `key` and holds it half-way through its write, its key
    claimed (PostgreSQL only): a real row lock that its pin needs (its foreign key to the place).
    Returns the event that releases it and the two threads."""
    locked, release = threading.Event(), threading.Event()

    def hold_the_place():
        with transaction.atomic():
            NamedPlace.objects.select_for_update().get(slug="castle-park")
            locked.set()
            release.wait(30)

    holder = in_thread(hold_the_place, results, "holder")
    assert locked.wait(10)
    first = in_thread(lambda: post(key), results, "first")
    deadline = time.monotonic() + 10
    while not IdempotencyRecord.objects.filter(state=IdempotencyState.PROCESSING).exists():
        assert time.monotonic() < deadline, "the first request never claimed its key"
        time.sleep(0.02)
    return release, first, holder


def test_a_duplicate_arriving_while_the_first_is_processed_is_409(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite lets one writer at a time in, so a request cannot be held half-way through "
            "its transaction while another runs; the burst test below covers SQLite."
        )
    key = str(uuid.uuid4())
    results = {}
    release, first, holder = first_request_held_half_way(key, results)
    status, body = post(key)
    assert status == 409
    assert body["errors"][0]["field"] == "Idempotency-Key"
    release.set()
    first.join(30)
    holder.join(30)
    assert results["first"][0] == 201
    assert post(key) == (200, results["first"][1])
    assert Pin.objects.count() == 1


@pytest.mark.parametrize("clients", [8])
def test_a_burst_of_identical_requests_creates_one_pin(reference_data, clients):
    key = str(uuid.uuid4())
    barrier = threading.Barrier(clients)
    results = {}

    def send():
        barrier.wait(10)
        return post(key)

    threads = [in_thread(send, results, n) for n in range(clients)]
    for thread in threads:
        thread.join(60)
    statuses = sorted(status for status, _ in results.values())
    assert statuses.count(201) == 1, statuses
    assert set(statuses) <= {200, 201, 409}, statuses
    winner = next(body for status, body in results.values() if status == 201)
    assert all(body == winner for status, body in results.values() if status == 200)
    assert Pin.objects.count() == 1
    assert post(key) == (200, winner)
