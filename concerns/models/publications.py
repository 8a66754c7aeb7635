"""A completed safety-plan action told back to young people on "You said, we did".

One coordinator proposes the public words; a second coordinator (never the proposer) approves
them, and only then is the outcome added to participation. The words are the coordinator's own,
written for young people, redacted on the way in and checked against the place's reports, so
nothing a reporter wrote reaches the public page."""

from django.conf import settings
from django.db import models

from ..choices import PublicationStatus
from .assessments import SafetyAction


class ActionPublication(models.Model):
    action = models.OneToOneField(
        SafetyAction, on_delete=models.CASCADE, related_name="publication"
    )
    # One of "You said, we did"'s parts of the city (participation's Area values).
    area = models.CharField(max_length=20)
    you_said = models.TextField(max_length=600)
    we_did = models.TextField(max_length=1200)
    status = models.CharField(
        max_length=12, choices=PublicationStatus.choices, default=PublicationStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # participation's outcome, by id only: concerns holds no key into another app's tables.
    outcome_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = "publication to You said, we did"

    def __str__(self):
        return self.we_did[:60]
