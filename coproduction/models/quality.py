"""What a provider changed in response to young people's view of its service (quality
assurance), recorded by a Directory manager, and its way to "You said, we did".

The public words go the way places of concern's do: one Directory manager proposes them, a second
(never the proposer) approves, and only then is the outcome added through participation's one
door (participation/outcomes.py). The words are staff's own, redacted on the way in."""

from django.conf import settings
from django.db import models

from services_directory.models import Service


class ResponseStatus(models.TextChoices):
    RECORDED = "recorded", "Recorded (not for You said, we did)"
    PROPOSED = "proposed", "Waiting for a second Directory manager"
    PUBLISHED = "published", "On You said, we did"


class ProviderResponse(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    changed = models.TextField(max_length=1200, help_text="What the provider changed.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=12, choices=ResponseStatus.choices, default=ResponseStatus.RECORDED
    )
    # The public words, once proposed: one of "You said, we did"'s parts of the city.
    area = models.CharField(max_length=20, blank=True)
    you_said = models.TextField(max_length=600, blank=True)
    we_did = models.TextField(max_length=1200, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # participation's outcome, by id only (as concerns' ActionPublication).
    outcome_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = "provider's response to young people's view"

    def __str__(self):
        return self.changed[:60]
