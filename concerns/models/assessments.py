"""A location assessment: one per place of concern, the reports gathered to it and the
multi-agency safety plan agreed for it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import AssessmentStatus, Rag


class LocationAssessmentQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=AssessmentStatus.CLOSED)

    def review_due(self, today=None):
        """Open assessments whose review date has come and whose coordinator has not yet been
        reminded of that date."""
        today = today or timezone.localdate()
        return (
            self.open().filter(review_date__lte=today).exclude(reminded_for=models.F("review_date"))
        )


class LocationAssessment(models.Model):
    title = models.CharField(max_length=160, help_text="The place, as the partnership calls it.")
    place = models.ForeignKey(
        "places.NamedPlace",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The nearest named place, for the area and the map.",
    )
    status = models.CharField(
        max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.OPEN
    )
    summary = models.TextField(blank=True, help_text="What the partnership knows, in brief.")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_date = models.DateField(null=True, blank=True)
    # The review date the coordinator was last reminded of: one reminder per date.
    reminded_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = LocationAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "location assessment"
        permissions = [("export_problem_profile", "Can export the problem profile")]

    def __str__(self):
        return self.title


class SafetyAction(models.Model):
    assessment = models.ForeignKey(
        LocationAssessment, on_delete=models.CASCADE, related_name="actions"
    )
    description = models.TextField()
    owner_agency = models.CharField(max_length=120)
    due_date = models.DateField()
    rag = models.CharField(max_length=10, choices=Rag.choices, default=Rag.AMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = "safety plan action"

    def __str__(self):
        return self.description[:60]
