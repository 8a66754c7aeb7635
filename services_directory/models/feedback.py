"""'Report a problem with this listing': what members of the public tell staff about a record.

Never published. An open report puts the record on the needs-review list."""

import uuid

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .services import Service


class FeedbackKind(models.TextChoices):
    OUT_OF_DATE = "out-of-date", "Some details are out of date"
    CLOSED = "closed", "The service has closed"
    OTHER = "other", "Something else"


class FeedbackStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"


class ListingFeedback(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="feedback")
    kind = models.CharField(max_length=20, choices=FeedbackKind.choices)
    comment = models.TextField(blank=True, max_length=1000)
    status = models.CharField(
        max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.OPEN, db_index=True
    )
    staff_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind", read_only=True), FieldPanel("status")]),
        FieldPanel("comment", read_only=True),
        FieldPanel("staff_note"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "listing report"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.service}"
