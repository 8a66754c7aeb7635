"""A report about a place from a professional, a parent, a carer or a community member.

Never public: no queryset of this model reaches a public view, the community map or its
releases, and only Contextual safeguarding coordinators hold its permissions (staff/roles.py).
The free text is stored redacted: names and contact details found in it are replaced before the
row is written, so the original words are never kept."""

import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from ..choices import CloseReason, PlaceType, Reporter, ReportStatus


class ConcernReportQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=ReportStatus.NEW)

    def unlinked(self):
        return self.filter(assessment__isnull=True)


class ConcernReport(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Set once, when the report is made (a default rather than auto_now_add, so the month below is
    # computed from the very value stored).
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    # The first day of the (local) month it came in: the problem profile groups by this column
    # in the database instead of truncating every row's timestamp (see month_of).
    month = models.DateField(db_index=True, editable=False)
    # The form's hidden key: a retried post finds its report instead of making a second one.
    idempotency_key = models.CharField(max_length=64, unique=True)
    # A digest of what was sent: the same key with different answers (back, changed, sent again)
    # is a new report, not a retry.
    fingerprint = models.CharField(max_length=64)

    reporter = models.CharField(max_length=20, choices=Reporter.choices)
    reporter_name = models.CharField(max_length=120, blank=True)
    agency = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)

    named_place = models.ForeignKey(
        "places.NamedPlace", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lat = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(51.3), MaxValueValidator(51.6)]
    )
    lng = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-2.8), MaxValueValidator(-2.4)]
    )
    location_text = models.TextField(blank=True)
    place_type = models.CharField(max_length=20, choices=PlaceType.choices)
    categories = models.JSONField(default=list)
    when_text = models.TextField(blank=True)
    what_seen = models.TextField()
    # What the redaction removed, per field: {"what_seen": ["name", "phone"]} (kinds only).
    removed = models.JSONField(default=dict, blank=True)

    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.NEW, db_index=True
    )
    assessment = models.ForeignKey(
        "concerns.LocationAssessment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    close_reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)
    close_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # Retention removed the free text (the assessment it belongs to closed long ago).
    text_dropped = models.BooleanField(default=False)

    objects = ConcernReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "report about a place"
        verbose_name_plural = "reports about places"
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.get_place_type_display()}, {self.created_at:%d %b %Y}"

    def save(self, *args, **kwargs):
        adding = self._state.adding
        self.month = month_of(self.created_at)
        super().save(*args, **kwargs)
        if adding:
            ReportCategory.objects.bulk_create(category_rows(self))

    @property
    def where_label(self) -> str:
        if self.named_place_id:
            return self.named_place.name
        if self.location_text:
            return self.location_text[:60]
        if self.lat is not None:
            return "A point on the map"
        return "Not given"


def month_of(moment) -> datetime.date:
    """The first day of the local month of `moment` (the month TruncMonth gives in TIME_ZONE)."""
    return timezone.localtime(moment).date().replace(day=1)


def category_rows(report: ConcernReport) -> list["ReportCategory"]:
    return [
        ReportCategory(report=report, category=slug)
        for slug in dict.fromkeys(report.categories or [])
    ]


class ReportCategory(models.Model):
    """One row per category a report names (none when it names none), written with the report:
    the problem profile counts reports by category with a GROUP BY over this indexed column
    rather than reading every report's JSON list in Python. A report's categories never change
    after it is received; deleting the report deletes its rows."""

    report = models.ForeignKey(
        ConcernReport, on_delete=models.CASCADE, related_name="category_rows"
    )
    category = models.CharField(max_length=40, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "category"], name="one_row_per_report_category"
            )
        ]

    def __str__(self):
        return self.category
