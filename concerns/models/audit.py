"""Who opened, changed or exported a report or an assessment, and when.

Append-only, as moderation's audit: rows are never changed or removed through the ORM. It never
holds a report's text (only ids, actions and reasons), so deleting a report leaves nothing of
what was reported behind."""

from django.conf import settings
from django.db import models

from ..choices import AuditAction


class ImmutableAuditError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class ConcernAuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableAuditError("The places-of-concern audit is append-only.")

    def delete(self):
        raise ImmutableAuditError("The places-of-concern audit is append-only.")


class ConcernAudit(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=24, choices=AuditAction.choices, db_index=True)
    # Not foreign keys: entries outlive what they describe.
    report_id = models.UUIDField(null=True, blank=True, db_index=True)
    assessment_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # A slug or a short reason from a fixed list (a close reason, an export format): never text a
    # reporter wrote.
    detail = models.CharField(max_length=60, blank=True)

    objects = ConcernAuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "places-of-concern audit entry"
        verbose_name_plural = "places-of-concern audit"
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableAuditError("The places-of-concern audit is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableAuditError("The places-of-concern audit is append-only.")
