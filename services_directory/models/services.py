"""HSDS service: a service or a community asset (a youth club, a park, a safe space).

Both live in one model (`kind`) so one search finds both. `Service.objects.published()` is the only
road to public data: live (published in the admin), and active or temporarily closed."""

import datetime
import uuid

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import DraftStateMixin, RevisionMixin

from services_directory.dates import months_before
from services_directory.text import normalise

from .organizations import Organization
from .taxonomy import AUDIENCES, NEEDS, PLACE_TYPES, TaxonomyTerm


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Closed for good"


PUBLIC_STATUSES = [ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED]


class ServiceKind(models.TextChoices):
    SERVICE = "service", "Service"
    ASSET = "asset", "Community place"


class ServiceQuerySet(models.QuerySet):
    def published(self):
        """The only road to public directory data."""
        return self.filter(live=True, status__in=PUBLIC_STATUSES)

    def needing_review(self, today: datetime.date | None = None):
        """Assured more than 3 months ago (or never), review date passed, or an open report."""
        from .feedback import FeedbackStatus, ListingFeedback

        today = today or timezone.localdate()
        open_reports = ListingFeedback.objects.filter(
            service=OuterRef("pk"), status=FeedbackStatus.OPEN
        )
        return self.filter(
            Q(assured_date__isnull=True)
            | Q(assured_date__lt=months_before(today, settings.SERVICES_REVIEW_AFTER_MONTHS))
            | Q(next_review__lte=today)
            | Exists(open_reports)
        )

    def sinking(self, today: datetime.date | None = None):
        return self.filter(self.sinking_condition(today))

    @staticmethod
    def sinking_condition(today: datetime.date | None = None) -> Q:
        today = today or timezone.localdate()
        return Q(assured_date__isnull=True) | Q(
            assured_date__lt=months_before(today, settings.SERVICES_SINK_AFTER_MONTHS)
        )


class Service(DraftStateMixin, RevisionMixin, ClusterableModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(
        max_length=10, choices=ServiceKind.choices, default=ServiceKind.SERVICE, db_index=True
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True, blank=True)
    description = models.TextField(help_text="What it offers and who it is for, in plain words.")
    url = models.URLField("website", blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE, db_index=True
    )
    alert = models.CharField(
        max_length=255, blank=True, help_text="A short notice shown at the top, e.g. a closure."
    )
    how_to_access = models.TextField(
        "how to get help",
        blank=True,
        help_text="How to refer or self-refer: what to do, what happens next.",
    )
    self_referral = models.BooleanField("people can refer themselves", default=False)
    professional_referral = models.BooleanField("professionals can refer", default=False)
    fees = models.TextField("cost", blank=True, help_text="What it costs, in words.")
    free = models.BooleanField("free to use", default=False, db_index=True)
    accreditations = models.TextField(blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    terms = ParentalManyToManyField(
        TaxonomyTerm, blank=True, related_name="services", verbose_name="needs and audiences"
    )
    # Our workflow fields.
    assured_date = models.DateField(
        "last checked", null=True, blank=True, help_text="When staff last confirmed the details."
    )
    assurer_email = models.EmailField("checked by (email)", blank=True)
    next_review = models.DateField(
        null=True, blank=True, help_text="Left empty, it is set to 3 months after the last check."
    )
    is_demo = models.BooleanField(
        "demo data", default=False, help_text="Made-up or illustrative content for the demo site."
    )
    # Set on a draft made from a young person's moderated suggestion (the coproduction app): the
    # public page says so once the listing is published.
    suggested_by_young_people = models.BooleanField(default=False, editable=False)
    last_modified = models.DateTimeField(auto_now=True)
    # Where an imported record came from, and a hash of its source to see unchanged records.
    source = models.URLField(max_length=500, blank=True, editable=False)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Normalised words of the public text, space-padded, for word-prefix search on any database.
    search_text = models.TextField(blank=True, editable=False)

    # Revisions are deleted with the record.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="service")

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "service or place"
        verbose_name_plural = "services and places"
        indexes = [
            models.Index(fields=["live", "status", "assured_date"]),
            models.Index(fields=["minimum_age", "maximum_age"]),
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        if self.assured_date and (not self.next_review or self.next_review <= self.assured_date):
            self.next_review = months_before(
                self.assured_date, -settings.SERVICES_REVIEW_AFTER_MONTHS
            )
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        base = slugify(self.name)[:240] or "service"
        slug, n = base, 1
        while Service.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def build_search_text(self) -> str:
        organization = self.organization.name if self.organization_id else ""
        words = normalise(" ".join([self.name, organization, self.description, self.fees]))
        return f" {words} "

    def get_absolute_url(self) -> str:
        return reverse("services_directory:service", kwargs={"slug": self.slug})

    # What the public pages show.
    @property
    def age_range(self) -> str:
        low, high = self.minimum_age, self.maximum_age
        if low is None and high is None:
            return "All ages"
        if high is None:
            return f"Ages {low} and over"
        if low is None:
            return f"Up to age {high}"
        return f"Ages {low} to {high}"

    def terms_of(self, taxonomy_slug: str) -> list[TaxonomyTerm]:
        # Reads the prefetched terms when the caller prefetched them (lists of results do).
        return [t for t in self.terms.all() if t.taxonomy.slug == taxonomy_slug]

    @property
    def needs(self):
        return self.terms_of(NEEDS)

    @property
    def audiences(self):
        return self.terms_of(AUDIENCES)

    @property
    def place_types(self):
        return self.terms_of(PLACE_TYPES)

    def is_sinking(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.assured_date is None or self.assured_date < months_before(
            today, settings.SERVICES_SINK_AFTER_MONTHS
        )
