"""Safeguarding: alerts to the leads about possible disclosures, and the leads' decisions."""

from django.conf import settings
from django.db import models

from .items import ModerationItem


class AlertQuerySet(models.QuerySet):
    def unacknowledged(self):
        return self.filter(acknowledged_at__isnull=True)


class AlertKind(models.TextChoices):
    DISCLOSURE = "disclosure", "Possible disclosure"
    BACKLOG = "backlog", "Contributions past their due time"


class SafeguardingAlert(models.Model):
    """Written in the transaction that flagged an item (or found the queue overdue), and so the
    durable record of what must reach the leads: delivered after the commit by a background task,
    and by `send_safeguarding_alerts` every minute whatever happened to that task; sent again
    every `SAFEGUARDING_REALERT_MINUTES` until one of them acknowledges it."""

    kind = models.CharField(
        max_length=12, choices=AlertKind.choices, default=AlertKind.DISCLOSURE, db_index=True
    )
    # None for a backlog alert, which is about the queue, not one item.
    item = models.ForeignKey(
        ModerationItem, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    # A backlog alert: how many open items were past their due time.
    overdue_count = models.PositiveIntegerField(default=0)
    categories = models.JSONField(default=list, blank=True)
    # "scan" (the automatic scan), "moderator" (escalated by a person), "scan-failed".
    source = models.CharField(max_length=20)
    raised_at = models.DateTimeField(db_index=True)
    last_sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    sends = models.PositiveSmallIntegerField(default=0)
    # The email of the latest sending: when it reached the mail server, and if it has not, when
    # to try again and how often it failed (the minute job retries it).
    email_sent_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True, db_index=True)
    email_failures = models.PositiveIntegerField(default=0)
    # A sender holds the alert until then, so the task and the minute job never send it twice
    # at once (and a sender that died lets go when it passes).
    claimed_until = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True, db_index=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_at"]
        default_permissions = ()

    def __str__(self):
        return f"alert {self.pk} for {self.item_id or 'the backlog'}"


class Outcome(models.TextChoices):
    REFERRED = "referred", "Referred"
    NO_FURTHER_ACTION = "no-further-action", "No further action"


class Pathway(models.TextChoices):
    """Where a lead referred a disclosure (Bristol's routes; "other" names it in "referred to")."""

    EMERGENCY = "police-emergency", "Police, emergency (999)"
    POLICE = "police", "Avon and Somerset Police (101 or online)"
    FIRST_RESPONSE = "first-response", "First Response: Bristol children's social care"
    OUT_OF_HOURS = "emergency-duty-team", "Emergency Duty Team (out of hours)"
    NRM = "nrm", "National Referral Mechanism (modern slavery, criminal exploitation)"
    SCHOOL = "school-dsl", "School or college designated safeguarding lead"
    YOUTH_SERVICE = "youth-service", "Youth or outreach service (contextual safeguarding)"
    HEALTH = "health", "Health: GP, CAMHS, emergency department"
    OTHER = "other", "Other (name it in 'referred to')"


class SafeguardingDecision(models.Model):
    """A lead's decision on a flagged item: referred (to whom, via which pathway), or no further
    action with a reason. Only a decision that returns the item clears its flag."""

    item = models.ForeignKey(ModerationItem, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    pathway = models.CharField(max_length=30, choices=Pathway.choices, blank=True)
    referred_to = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True)
    returned_to_queue = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at"]
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="referred")
                | (~models.Q(pathway="") & ~models.Q(referred_to="")),
                name="moderation_referral_names_pathway_and_whom",
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="no-further-action") | ~models.Q(reason=""),
                name="moderation_no_further_action_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()} ({self.item_id})"
