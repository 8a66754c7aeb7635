"""'Report a problem with this listing': what members of the public tell staff about a record.

Never published. An open report puts the record on the needs-review list."""

import uuid

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from moderation.models import ModerationItem

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


class ReportedDisclosure(models.Model):
    """A listing report whose words the scan read as a possible disclosure: the words as written,
    for the safeguarding leads only. It reaches them as an escalated moderation item with an
    alert, like any contribution would (moderation.services.hand_to_leads); the managers' copy of
    the report keeps only the redacted comment. It outlives the report (kept by moderation's
    rules), since a lead may still be acting on it."""

    moderation_kind = "listing-report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, null=True, on_delete=models.SET_NULL, related_name="+")
    feedback = models.OneToOneField(
        ListingFeedback, null=True, on_delete=models.SET_NULL, related_name="disclosure"
    )
    text = models.TextField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    moderation = models.OneToOneField(
        ModerationItem, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"possible disclosure in a listing report {self.pk}"

    # What moderation expects of a contribution (moderation/contributions.py).
    def moderation_text(self) -> str:
        return self.text

    def moderation_headline(self, gazetteer=None) -> str:
        # Named by its listing: no gazetteer needed.
        name = self.service.name if self.service else "a listing since removed"
        return f"Listing report: {name}"

    def moderation_summary(self) -> dict:
        name = self.service.name if self.service else "a listing since removed"
        return {
            "title": self.moderation_headline(),
            "fields": [("Reported listing", name)],
            "lat": None,
            "lng": None,
        }

    def moderation_photo_path(self) -> str | None:
        return None

    def on_moderation_decided(self, item) -> None:
        pass  # nothing is ever published from it

    def purge_raw_location(self) -> None:
        pass  # it has no position

    def delete_for_good(self) -> None:
        self.delete()
