"""Idempotency-Key semantics for every anonymous submission, shared by the API and the forms.

The same key with the same (validated) submission answers what the first request answered and
creates nothing; the same key with another submission is refused (422); a duplicate arriving while
the first is still being processed is refused (409) rather than queued, so exactly one wins.

A claim whose owner died (the process crashed mid-submission) is taken over by a retry once it is
`PARTICIPATION_IDEMPOTENCY_CLAIM_SECONDS` old. The owner holds its claim's row lock for the whole
of its write, so on PostgreSQL a claim still locked is a live owner and is never taken over; on
SQLite a live owner holds the database's write lock, which the take-over waits for. Either way
the owner's "done" only lands on its own claim row, so an owner that was taken over rolls its
contribution back: a retry never duplicates it.

A key is claimed in its own short transaction first ("processing"), so a concurrent duplicate sees
the claim at once on any database; the contribution and the record's "done" are then committed
together, so a reply that says "created" always describes committed data."""

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.codes import keyed_hash, same
from participation.models import IdempotencyRecord, IdempotencyState

from .writes import one_writer


def claim_lease() -> timedelta:
    # A claim left "processing" this long may belong to a request that died: see the docstring.
    return timedelta(seconds=settings.PARTICIPATION_IDEMPOTENCY_CLAIM_SECONDS)


class IdempotencyError(Exception):
    status = 400
    field = "Idempotency-Key"
    message = ""

    def __str__(self):
        return self.message


class MissingKey(IdempotencyError):
    status = 400
    message = "Send an Idempotency-Key header: a new UUID for each submission."


class InvalidKey(IdempotencyError):
    status = 400
    message = "The Idempotency-Key must be a UUID."


class KeyReused(IdempotencyError):
    status = 422
    message = "This Idempotency-Key was already used for a different submission."


class InProgress(IdempotencyError):
    status = 409
    message = "A submission with this Idempotency-Key is still being processed. Try again shortly."


@dataclass(frozen=True)
class Done:
    object_id: str
    receipt_attempt: int
    created: bool


def parse_key(value: str | None) -> str:
    if value is None or not str(value).strip():
        raise MissingKey()
    try:
        return str(uuid.UUID(str(value).strip()))
    except ValueError as exc:
        raise InvalidKey() from exc


def _answer(record: IdempotencyRecord, fingerprint: str) -> Done | None:
    """What an existing record means for a new request with its key (None: it may go ahead)."""
    if not same(record.fingerprint, fingerprint):
        raise KeyReused()
    if record.state == IdempotencyState.DONE:
        return Done(record.object_id, record.receipt_attempt, created=False)
    if record.created_at < timezone.now() - claim_lease() and _take_over(record):
        return None
    raise InProgress()


def _take_over(record: IdempotencyRecord) -> bool:
    """Deletes a stale claim unless its owner is still writing (its row is locked)."""
    with one_writer(), transaction.atomic():
        free = IdempotencyRecord.objects.select_for_update(skip_locked=True).filter(
            pk=record.pk, state=IdempotencyState.PROCESSING, created_at=record.created_at
        )
        ids = list(free.values_list("pk", flat=True))
        IdempotencyRecord.objects.filter(pk__in=ids).delete()
    return bool(ids)


def forget_expired() -> int:
    keep_for = timedelta(hours=settings.PARTICIPATION_IDEMPOTENCY_KEEP_HOURS)
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=timezone.now() - keep_for).delete()
    return deleted


def run_once(
    *,
    scope: str,
    key: str,
    fingerprint: str,
    create: Callable[[], tuple[str, int]],
    guard: Callable[[], None] | None = None,
) -> Done:
    """Runs `create` (which returns (object id, receipt attempt)) at most once per key.

    `guard` (e.g. a rate limit) runs only when something would be created, never for a replay."""
    key_hash = keyed_hash("idempotency", f"{scope}:{key}")
    existing = IdempotencyRecord.objects.filter(key_hash=key_hash).first()
    if existing is not None and (done := _answer(existing, fingerprint)) is not None:
        return done
    if guard is not None:
        guard()
    try:
        with one_writer(), transaction.atomic():
            if secrets.randbelow(50) == 0:
                forget_expired()
            record = IdempotencyRecord.objects.create(key_hash=key_hash, fingerprint=fingerprint)
    except IntegrityError:
        # Another request claimed the key between our look and our claim.
        existing = IdempotencyRecord.objects.filter(key_hash=key_hash).first()
        if existing is not None and (done := _answer(existing, fingerprint)) is not None:
            return done
        raise InProgress() from None
    try:
        # The commit hooks (moderation's scan) run inside the same turn as the write.
        with one_writer(), transaction.atomic():
            # Held until the commit: the sign to a retry that this owner is alive.
            mine = IdempotencyRecord.objects.select_for_update().filter(
                pk=record.pk, state=IdempotencyState.PROCESSING
            )
            if not list(mine.values_list("pk", flat=True)):
                raise InProgress()  # taken over already
            object_id, attempt = create()
            finished = IdempotencyRecord.objects.filter(
                pk=record.pk, state=IdempotencyState.PROCESSING
            ).update(state=IdempotencyState.DONE, object_id=object_id, receipt_attempt=attempt)
            if not finished:
                raise InProgress()  # our claim went stale and was taken over: roll back
    except BaseException:
        with one_writer():
            IdempotencyRecord.objects.filter(
                pk=record.pk, state=IdempotencyState.PROCESSING
            ).delete()
        raise
    return Done(object_id, attempt, created=True)
