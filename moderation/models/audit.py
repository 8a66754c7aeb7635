"""The audit of every moderation decision: who, when, what, why, and the text before and after.

Append-only. Rows are never updated or deleted through the ORM; on PostgreSQL a trigger refuses
any other change at the database too (migration 0003). The one exception is retention: once an
item is deleted for good, its entries keep who, when and what, but lose every free text."""

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    SUBMITTED = "submitted", "Received"
    SCANNED = "scanned", "Scanned automatically"
    REDACTED = "redacted", "Redaction changed"
    APPROVED = "approved", "Approved"
    NO_SIGN_OF_HARM = "no-sign-of-harm", "Read: no sign of harm"
    REJECTED = "rejected", "Rejected"
    ESCALATED = "escalated", "Escalated to safeguarding"
    CLAIM_TAKEN_OVER = "claim-taken-over", "Claim taken over by a safeguarding lead"
    ALERT_ACKNOWLEDGED = "alert-acknowledged", "Safeguarding alert acknowledged"
    REFERRED = "referred", "Safeguarding: referred"
    NO_FURTHER_ACTION = "no-further-action", "Safeguarding: no further action"
    RETURNED = "returned", "Safeguarding: returned to the moderation queue"
    LOCATION_PURGED = "location-purged", "Exact location removed (retention)"
    DELETED = "deleted", "Deleted for good"


# Actions that decide what happens to a contribution: what the public statistics count.
DECISIONS = (AuditAction.APPROVED, AuditAction.REJECTED)


class ImmutableAuditError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableAuditError("The moderation audit is append-only.")

    def delete(self):
        raise ImmutableAuditError("The moderation audit is append-only.")

    def for_item(self, item_id):
        return self.filter(item_id=item_id)

    def erase_free_text(self, item_ids) -> int:
        """Retention: entries of items deleted for good keep no free text. The only change the
        audit allows (the PostgreSQL trigger accepts exactly this)."""
        return models.QuerySet.update(
            self.filter(item_id__in=list(item_ids)).exclude(
                before_text="", after_text="", note="", referred_to=""
            ),
            before_text="",
            after_text="",
            note="",
            referred_to="",
            text_erased=True,
        )


class AuditEntry(models.Model):
    at = models.DateTimeField(db_index=True)
    # Not a foreign key: entries outlive the items they describe.
    item_id = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=20)
    action = models.CharField(max_length=24, choices=AuditAction.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The actor's username when it happened ("" for the system): survives the account.
    actor_name = models.CharField(max_length=150, blank=True)
    # A slug: the rejection reason, the referral pathway, the disclosure categories...
    reason = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True, help_text="Why, in the member of staff's words.")
    referred_to = models.CharField(max_length=200, blank=True)
    before_text = models.TextField(blank=True)
    after_text = models.TextField(blank=True)
    text_erased = models.BooleanField(default=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "audit entry"
        verbose_name_plural = "moderation audit"
        default_permissions = ("view",)
        indexes = [models.Index(fields=["action", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.kind} {self.item_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableAuditError("The moderation audit is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableAuditError("The moderation audit is append-only.")

    @property
    def who(self) -> str:
        return self.actor_name or "automatic"
