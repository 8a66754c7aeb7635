"""Ideas for youth provision (proposals), the support they gather, and the partnership's answers.

A proposal's words are the young person's own: public only through `published()` and only as
moderation's published text. The answers (status, progress notes, outcomes) are written by staff
and are public as they are."""

import uuid

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from moderation.models import ModerationItem
from places.models import NamedPlace

from .contributions import Contribution, ContributionQuerySet
from .receipts import Receipt


class ProposalKind(models.TextChoices):
    YOUTH_CLUB = "youth-club", "Youth club"
    POP_UP = "pop-up-youth-club", "Pop-up youth club"
    SPORT = "sport", "Sport"
    MUSIC = "music", "Music"
    ARTS = "arts", "Arts"
    MENTORING = "mentoring", "Mentoring"
    SAFE_SPACE = "safe-space", "Safe space"
    OTHER = "other", "Something else"


class ProposalWhen(models.TextChoices):
    AFTER_SCHOOL = "after-school", "After school"
    EVENINGS = "evenings", "Evenings"
    WEEKENDS = "weekends", "Weekends"
    HOLIDAYS = "school-holidays", "School holidays"
    ANY_TIME = "any-time", "Any time"


class Area(models.TextChoices):
    """The parts of the city the gazetteer's places belong to, plus the city as a whole."""

    CITY = "bristol", "Anywhere in Bristol"
    NORTH = "north", "North Bristol"
    EAST_CENTRAL = "east-central", "East Central Bristol"
    CENTRAL = "central", "Central Bristol"
    SOUTH = "south", "South Bristol"

    @classmethod
    def of_place(cls, place: NamedPlace) -> str:
        slug = slugify(place.area)
        return slug if slug in cls.values else cls.CITY


class ResponseStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    UNDER_CONSIDERATION = "under-consideration", "Under consideration"
    PLANNED = "planned", "Planned"
    HAPPENING = "happening", "Happening"
    NOT_POSSIBLE = "not-possible", "Not possible"


class ProposalQuerySet(ContributionQuerySet):
    def with_support(self):
        # One per source (participation/sources.py): cookies cleared on one network add nothing.
        return self.annotate(support_count=Count("supports__source", distinct=True))


class Proposal(Contribution, ClusterableModel):
    moderation_kind = "proposal"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=120)
    what = models.CharField(max_length=20, choices=ProposalKind.choices, db_index=True)
    place = models.ForeignKey(
        NamedPlace, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    area = models.CharField(max_length=20, choices=Area.choices, db_index=True)
    when = models.CharField(max_length=20, choices=ProposalWhen.choices)
    why = models.TextField(max_length=1000)
    contributor = models.CharField(max_length=64, db_index=True)
    receipt = models.ForeignKey(
        Receipt, null=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    moderation = models.OneToOneField(
        ModerationItem, null=True, on_delete=models.PROTECT, related_name="+"
    )
    is_demo = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    # The partnership's answer, written by staff and public as it is.
    status = models.CharField(
        max_length=20,
        choices=ResponseStatus.choices,
        default=ResponseStatus.RECEIVED,
        db_index=True,
    )
    status_reason = models.TextField(
        blank=True, help_text="Why it is not possible (required for 'Not possible')."
    )
    response = models.TextField(
        blank=True, help_text="The partnership's answer, public once the idea is published."
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "idea for youth provision"
        verbose_name_plural = "ideas for youth provision"

    def __str__(self):
        return f"{self.get_what_display()} idea ({self.get_area_display()})"

    def clean(self):
        if self.status == ResponseStatus.NOT_POSSIBLE and not self.status_reason.strip():
            raise ValidationError({"status_reason": "Say why it is not possible."})

    def save(self, *args, **kwargs):
        if self.status != ResponseStatus.RECEIVED and self.responded_at is None:
            self.responded_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def where_label(self) -> str:
        return self.place.name if self.place_id else self.get_area_display()

    def public_words(self) -> tuple[str, str]:
        """(title, why) as moderation published them: never the original words."""
        text = self.moderation.published_text if self.moderation else ""
        title, _, why = text.partition("\n")
        return title.strip(), why.strip()

    # The moderation protocol (moderation/contributions.py). The title goes on the first line, so
    # one redacted published text carries both the title and the reasons.
    def moderation_text(self) -> str:
        return f"{self.title}\n{self.why}"

    def moderation_headline(self, gazetteer=None) -> str:
        # Named by its chosen place or area: no gazetteer needed.
        return f"Idea: {self.get_what_display()} ({self.where_label})"

    def moderation_summary(self) -> dict:
        return {
            "title": self.moderation_headline(),
            "fields": [
                ("Title", self.title),
                ("What", self.get_what_display()),
                ("Where", self.where_label),
                ("When", self.get_when_display()),
                ("Why", self.why),
            ],
            "lat": None,
            "lng": None,
        }


class ProgressNote(models.Model):
    """A dated step in the partnership's answer to an idea ("we met the youth service ...")."""

    proposal = ParentalKey(Proposal, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField(default=timezone.localdate)
    text = models.TextField(max_length=1000)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.date}: {self.text[:40]}"


class Support(models.Model):
    """One contributor's support for an idea: at most one per contributor (a keyed hash)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    contributor = models.CharField(max_length=64)
    # The supporter's network as a keyed fingerprint (participation/sources.py): an idea's count
    # is the number of distinct sources, so one network counts once whatever its cookies.
    source = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "contributor"], name="one_support_per_contributor"
            )
        ]

    def __str__(self):
        return f"support for {self.proposal_id}"


class OutcomeQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class Outcome(models.Model):
    """ "You said, we did": what changed because of what young people told the partnership."""

    area = models.CharField(max_length=20, choices=Area.choices, default=Area.CITY)
    you_said = models.TextField(max_length=600, help_text="What young people told us, in brief.")
    we_did = models.TextField(max_length=1200, help_text="What the partnership did about it.")
    date = models.DateField(default=timezone.localdate)
    proposals = models.ManyToManyField(
        Proposal,
        blank=True,
        related_name="outcomes",
        help_text="Ideas this answers (only published ones are shown).",
    )
    live = models.BooleanField(default=True, help_text="Shown on 'You said, we did'.")
    is_demo = models.BooleanField(default=False, editable=False)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "you said, we did"
        verbose_name_plural = "you said, we did"

    def __str__(self):
        return self.you_said[:60]
