"""The moderation state every contribution type shares.

One `ModerationItem` per contribution: its status is the single source of truth for whether the
contribution may be public, and `published_text` (what the public may read, after redaction) is
kept apart from the contributor's original words, which stay on the contribution itself."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ModerationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    ESCALATED = "escalated", "Escalated to a safeguarding lead"


class RejectionReason(models.TextChoices):
    PERSONAL_DATA = "personal-data", "Names or identifies someone"
    ABUSIVE = "abusive", "Abusive or hateful"
    OFF_TOPIC = "off-topic", "Not about a place or youth provision"
    SPAM = "spam", "Spam or advertising"
    DUPLICATE = "duplicate", "Duplicate"
    SAFEGUARDING = "safeguarding", "Safeguarding: handled privately"
    PHOTO = "photo", "Photo shows a face, number plate or private place"
    OTHER = "other", "Other"


class ModerationItemQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ModerationStatus.APPROVED, flagged=False)

    def pending(self):
        return self.filter(status=ModerationStatus.PENDING)


class ModerationItem(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=36, db_index=True)
    contribution = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(max_length=20, db_index=True, help_text="pin, proposal, ...")
    status = models.CharField(
        max_length=12,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    # What the public may read once approved: the original with personal data redacted.
    published_text = models.TextField(blank=True)
    # The automatic scan: {"pii": [{"kind", "start", "end"}], "abuse": bool, "disclosure": [...]}.
    scan = models.JSONField(default=dict, blank=True)
    scanned_at = models.DateTimeField(null=True, blank=True)
    # A possible disclosure of harm: only a safeguarding lead can clear it, and until then the
    # contribution is neither approvable by a general moderator nor counted anywhere public.
    flagged = models.BooleanField(default=False, db_index=True)
    # Filters of the queue, copied here so the queue never has to join every contribution type.
    exercise = models.CharField(max_length=80, blank=True, db_index=True)
    workshop = models.CharField(max_length=20, blank=True, db_index=True)
    has_photo = models.BooleanField(default=False)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.CharField(max_length=20, choices=RejectionReason.choices, blank=True)
    response = models.TextField(
        blank=True, help_text="A note to the contributor, shown with their receipt code."
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ModerationItemQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.id} ({self.status})"

    @property
    def is_public(self) -> bool:
        return self.status == ModerationStatus.APPROVED and not self.flagged
