"""Young people's view of a service: one per contributor per service, and what of them is shown.

A view is a few choices (would they recommend it, what stood out) and an optional comment. The
comment goes to moderation and is never shown word for word; the choices are only ever shown as
rounded counts, under coproduction/publication.py's rule, from the stored publication of each
service (ServiceViewPublication): the page and the ORUK feed read that row, never the views."""

import uuid

from django.db import models, transaction

from moderation.models import ModerationItem
from participation.models import Contribution, Receipt
from services_directory.models import Service


class Recommend(models.TextChoices):
    YES = "yes", "Yes"
    NOT_SURE = "not_sure", "Not sure"
    NO = "no", "No"


class StandOut(models.Model):
    """One thing that can stand out about a service ("felt safe"): a list staff edit."""

    slug = models.SlugField(
        max_length=40,
        unique=True,
        help_text="Its name in counts and in the ORUK feed. Keep it once views use it.",
    )
    label = models.CharField(max_length=60, help_text="As young people read it: 'Felt safe'.")
    sort_order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(
        default=True, help_text="Offered on the form. Counts already given stay."
    )

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = "what stood out (young people's view)"
        verbose_name_plural = "what stood out (young people's views)"

    def __str__(self):
        return self.label


class ServiceView(Contribution):
    moderation_kind = "service-view"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    contributor = models.CharField(max_length=64)
    recommend = models.CharField(max_length=10, choices=Recommend.choices)
    stood_out = models.ManyToManyField(StandOut, blank=True, related_name="+")
    # Read by moderation and, later, the Directory managers; never shown to the public.
    comment = models.TextField(max_length=1000, blank=True)
    receipt = models.ForeignKey(
        Receipt, null=True, on_delete=models.SET_NULL, related_name="service_views"
    )
    # Only a view with a comment has one: the choices alone are never published as they are.
    moderation = models.OneToOneField(
        ModerationItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "contributor"], name="one_view_per_contributor_per_service"
            )
        ]
        verbose_name = "young person's view of a service"

    def __str__(self):
        return f"A view of {self.service}"

    def answers(self) -> tuple[str, ...]:
        """What the view counts towards: its recommendation and each thing that stood out."""
        return (self.recommend, *(s.slug for s in self.stood_out.all()))

    # The moderation protocol (moderation/contributions.py), for the comment.
    def moderation_text(self) -> str:
        return self.comment

    def moderation_headline(self, gazetteer=None) -> str:
        # Named by its service: no gazetteer needed.
        return f"A young person's view of {self.service.name}"

    def moderation_summary(self) -> dict:
        return {
            "title": self.moderation_headline(),
            "fields": [
                ("Would recommend it", self.get_recommend_display()),
                ("What stood out", ", ".join(s.label for s in self.stood_out.all())),
                ("Comment (never shown word for word)", self.comment),
            ],
            "lat": None,
            "lng": None,
        }

    def delete_for_good(self) -> None:
        from coproduction.youth_views import publish_if_due, record_change

        with transaction.atomic():
            super().delete_for_good()
            if not self.is_demo:
                # A deletion counts as a change: it leaves the counts at the next publication.
                record_change(self.service_id, self.contributor)
                publish_if_due(self.service_id)


class PendingViewChange(models.Model):
    """A contributor who gave, changed or deleted a view of a service since its publication was
    taken (the `changed_by` of coproduction.publication.republish). Deleted at each one."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    contributor = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "contributor"], name="one_pending_change_per_contributor"
            )
        ]

    def __str__(self):
        return f"A pending change of {self.service_id}"


class ServiceViewPublication(models.Model):
    """The shown young people's view of a service: rounded counts, stored so that what is shown
    changes only at a publication (never by one person's view)."""

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, related_name="young_peoples_view"
    )
    # {"people": 10, "yes": 5, "felt-safe": 5, ...}; empty while not shown.
    counts = models.JSONField(default=dict, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "published young people's view"

    def __str__(self):
        return f"Young people's view of {self.service}"

    @property
    def shown(self) -> bool:
        return bool(self.counts)


class PublishedViewState(models.Model):
    """Each publication of a service's view as it was taken, kept so the Directory managers see
    the view's trend and the partnership sees how views changed: published states only (each
    already rounded and at least the threshold of people apart), never the views behind them."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    # As ServiceViewPublication.counts at the time; empty: the view stopped being shown.
    counts = models.JSONField(default=dict, blank=True)
    published_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["service", "published_at"]
        verbose_name = "published state of a young people's view"

    def __str__(self):
        return f"{self.service_id} at {self.published_at:%Y-%m-%d}"
