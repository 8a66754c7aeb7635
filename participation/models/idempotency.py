"""What a submission's Idempotency-Key did, so a retry answers the same and never duplicates."""

from django.db import models
from django.utils import timezone


class IdempotencyState(models.TextChoices):
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"


class IdempotencyRecord(models.Model):
    # A keyed hash of the scope and the client's key: the key itself is never stored.
    key_hash = models.CharField(max_length=64, unique=True)
    # A keyed hash of the validated submission: "same key, same body" is judged on this.
    fingerprint = models.CharField(max_length=64)
    state = models.CharField(
        max_length=10, choices=IdempotencyState.choices, default=IdempotencyState.PROCESSING
    )
    object_id = models.CharField(max_length=36, blank=True)
    # Which derivation of the receipt code was used (see participation.codes.receipt_code).
    receipt_attempt = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"{self.state} {self.object_id}"
