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


class RiskLevel(models.TextChoices):
    """The scan's judgement of a possible disclosure (moderation.scanner.LEVELS)."""

    NONE = "none", "No sign found"
    POSSIBLE = "possible", "Possible risk: read it first"
    LIKELY = "likely", "Likely disclosure"


OPEN_STATUSES = (ModerationStatus.PENDING, ModerationStatus.ESCALATED)

# What makes a contribution public, defined here only: approved by a person and not flagged for a
# safeguarding lead. Every public queryset filters with public_filter(); one object checks
# ModerationItem.is_public; both read this.
PUBLIC = {"status": ModerationStatus.APPROVED, "flagged": False}


def public_filter(path: str = "") -> models.Q:
    """PUBLIC as a filter. `path` leads from the queried model to its ModerationItem, e.g.
    "moderation__" for a contribution."""
    return models.Q(**{f"{path}{field}": value for field, value in PUBLIC.items()})


class ModerationItemQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(public_filter())

    def pending(self):
        return self.filter(status=ModerationStatus.PENDING)

    def open(self):
        """Waiting for a person: pending, or escalated to a safeguarding lead."""
        return self.filter(status__in=OPEN_STATUSES)

    def general_queue(self):
        """What a general moderator may see: nothing flagged."""
        return self.filter(flagged=False)

    def safeguarding_queue(self):
        return self.filter(flagged=True)

    def without_flags(self):
        """No personal data, abusive language, disclosure or photo found."""
        return self.filter(
            flagged=False, has_photo=False, pii_found=False, abusive=False, scanned_at__isnull=False
        )

    def bulk_approvable(self):
        """What may be approved without being opened: no flag, no risk, and nothing anyone wrote
        or photographed (a feeling, reasons and a time only). Words are always read."""
        return self.without_flags().filter(has_text=False, risk_level=RiskLevel.NONE)

    def overdue(self, now):
        return self.open().filter(due_at__lt=now)

    def by_risk(self):
        """ "Possible" first, then the most likely by score, then the oldest."""
        rank = models.Case(
            models.When(risk_level=RiskLevel.LIKELY, then=0),
            models.When(risk_level=RiskLevel.POSSIBLE, then=1),
            default=2,
            output_field=models.IntegerField(),
        )
        return self.alias(risk_rank=rank).order_by("risk_rank", "-risk_score", "created_at")


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
    # What the scan found, as columns so the queue filters on an index rather than on JSON.
    pii_found = models.BooleanField(default=False)
    abusive = models.BooleanField(default=False)
    # A possible disclosure of harm: only a safeguarding lead can clear it, and until then the
    # contribution is neither approvable by a general moderator nor counted anywhere public.
    flagged = models.BooleanField(default=False, db_index=True)
    # Filters of the queue, copied here so the queue never has to join every contribution type.
    exercise = models.CharField(max_length=80, blank=True, db_index=True)
    workshop = models.CharField(max_length=20, blank=True, db_index=True)
    # A keyed fingerprint of where the item came from (moderation/sources.py): never an address;
    # cleared after MODERATION_SOURCE_DAYS by purge_expired.
    source = models.CharField(max_length=64, blank=True, db_index=True)
    has_photo = models.BooleanField(default=False)
    # Whether the contributor wrote any words (a comment, a title): then a person reads it
    # before it is approved. Unknown counts as words.
    has_text = models.BooleanField(default=True)
    # The scan's risk: level, the any-disclosure score (0..1) and the words that raised it
    # ([{"start", "end", "category"}] over the original text), copied from `scan` for the queue.
    risk_level = models.CharField(
        max_length=10, choices=RiskLevel.choices, default=RiskLevel.NONE, db_index=True
    )
    risk_score = models.FloatField(default=0.0)
    highlights = models.JSONField(default=list, blank=True)
    # A "possible" item is judged by a person before anything else happens to it: who answered
    # "no sign of harm" (escalating is the other answer).
    harm_judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    harm_judged_at = models.DateTimeField(null=True, blank=True)
    # When a person must have dealt with it (MODERATION_DUE_HOURS, or the workshop hours), and
    # when its lateness was first told to the leads (one backlog alert, not one per item).
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    backlog_alerted_at = models.DateTimeField(null=True, blank=True)
    # Spans of the original text a moderator chose to redact: [{"kind", "start", "end"}].
    redactions = models.JSONField(default=list, blank=True)
    # Why a moderator escalated the item to the safeguarding leads (free text, erased with it).
    escalation_note = models.TextField(blank=True)
    # Retention: when the contribution's raw position was replaced by its cell centre.
    raw_location_purged_at = models.DateTimeField(null=True, blank=True)
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
            models.Index(fields=["flagged", "status", "created_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]
        constraints = [
            # Whatever code path is taken, a possible disclosure can never be public.
            models.CheckConstraint(
                condition=~(models.Q(status=ModerationStatus.APPROVED) & models.Q(flagged=True)),
                name="moderation_flagged_never_approved",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ModerationStatus.REJECTED)
                | ~models.Q(rejection_reason=""),
                name="moderation_rejection_has_reason",
            ),
        ]
        # Items are created by contributions and changed only through moderation's services.
        default_permissions = ("view",)
        permissions = [
            ("moderate_moderationitem", "Can moderate contributions (unflagged)"),
            ("safeguard_moderationitem", "Can handle safeguarding disclosures"),
        ]

    def __str__(self):
        return f"{self.kind} {self.id} ({self.status})"

    @property
    def is_public(self) -> bool:
        return all(getattr(self, field) == value for field, value in PUBLIC.items())

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def disclosure(self) -> list[str]:
        return list(self.scan.get("disclosure", []))

    @property
    def pii(self) -> list[dict]:
        return list(self.scan.get("pii", []))

    @property
    def distressing(self) -> bool:
        """Text a moderator should choose to read rather than meet by surprise."""
        return self.flagged or self.abusive or self.risk_level != RiskLevel.NONE

    @property
    def needs_judging(self) -> bool:
        """A "possible" risk nobody has yet answered "no sign of harm" to."""
        return self.risk_level == RiskLevel.POSSIBLE and self.harm_judged_at is None

    @property
    def content_warning(self) -> str:
        """What the text may contain, named, for the warning over it."""
        from moderation.scanner import CATEGORY_LABELS

        names = [CATEGORY_LABELS.get(slug, slug) for slug in self.disclosure]
        names += [CATEGORY_LABELS.get(h["category"], h["category"]) for h in self.highlights]
        names = list(dict.fromkeys(names))
        if self.abusive:
            names.append("Abusive language")
        if not names and self.distressing:
            names.append("A possible disclosure of harm")
        return ", ".join(names)

    @property
    def flags(self) -> list[str]:
        """Short names of what the scan found, for the queue's flags column and filters."""
        found = []
        if self.flagged:
            found.append("disclosure")
        elif self.risk_level == RiskLevel.POSSIBLE:
            found.append("possible risk")
        if self.pii_found:
            found.append("personal data")
        if self.abusive:
            found.append("abuse")
        if self.has_photo:
            found.append("photo")
        if self.scanned_at is None:
            found.append("not scanned")
        return found
