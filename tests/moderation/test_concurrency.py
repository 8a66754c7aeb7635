"""Two moderators acting on one item at the same moment: exactly one decision is recorded.
Real threads, real transactions (row locks on PostgreSQL, IMMEDIATE transactions on SQLite)."""

import threading

import pytest

from django.db import connection

from moderation import services
from moderation.errors import ModerationError
from moderation.models import AuditAction, AuditEntry, ModerationItem
from tests.auth import make_staff
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db(transaction=True)


def race(*actions):
    """Runs each action in its own thread and database connection, released together."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=10)
            results[index] = action()
        except ModerationError as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.parametrize("round_", range(3))
def test_two_moderators_approving_at_once_make_one_decision(round_):
    # Superusers: transactional tests flush the groups the migrations made.
    first, second = make_staff(superuser=True), make_staff(superuser=True)
    item_id = ScannedPinFactory().moderation_id
    results = race(
        lambda: services.approve(item_id, first, no_sign_of_harm=True),
        lambda: services.approve(item_id, second, no_sign_of_harm=True),
    )
    decided = [r for r in results if isinstance(r, ModerationItem)]
    refused = [r for r in results if isinstance(r, ModerationError)]
    assert len(decided) == 1 and len(refused) == 1, results
    assert AuditEntry.objects.filter(item_id=item_id, action=AuditAction.APPROVED).count() == 1
    item = ModerationItem.objects.get(pk=item_id)
    assert item.decided_by == decided[0].decided_by


def test_approve_and_reject_at_once_make_one_decision():
    first, second = make_staff(superuser=True), make_staff(superuser=True)
    item_id = ScannedPinFactory().moderation_id
    results = race(
        lambda: services.approve(item_id, first, no_sign_of_harm=True),
        lambda: services.reject(item_id, second, reason="spam"),
    )
    assert sum(isinstance(r, ModerationItem) for r in results) == 1, results
    decisions = AuditEntry.objects.filter(
        item_id=item_id, action__in=[AuditAction.APPROVED, AuditAction.REJECTED]
    )
    assert decisions.count() == 1
