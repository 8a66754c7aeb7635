"""A young person's suggestion of a place or activity that is good for young people.

Its words are the young person's own and never public as they are: moderation reads them, and an
approved suggestion becomes a draft listing (or a match with an existing one) that a Directory
manager edits and publishes (coproduction/listings.py)."""

import uuid

from django.db import models

from moderation.models import ModerationItem
from participation.models import Contribution, ContributionQuerySet, Receipt
from places.geo import cell_centre, cells_for
from places.models import NamedPlace
from services_directory.models import Service
from workshops.models import Exercise


class SuggestionKind(models.TextChoices):
    PLACE = "place", "A place to go"
    ACTIVITY = "activity", "An activity or club"
    SERVICE = "service", "Help or support"


class SuggestionWho(models.TextChoices):
    ANYONE = "anyone", "Any young person"
    UNDER_16 = "under-16", "Under 16s"
    OVER_16 = "16-25", "16 to 25 year olds"
    GIRLS = "girls", "Girls and young women"
    BOYS = "boys", "Boys and young men"
    LGBTQ = "lgbtq", "LGBTQ+ young people"
    SEND = "send", "Young people with additional needs"


class Suggestion(Contribution):
    moderation_kind = "suggestion"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=120)
    what = models.CharField(max_length=20, choices=SuggestionKind.choices)
    place = models.ForeignKey(
        NamedPlace, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions"
    )
    # A position tapped on the map, kept exact only until moderation decides (then its cell).
    lat = models.FloatField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    coarsened = models.BooleanField(default=False)
    when = models.CharField(max_length=200, blank=True)
    who = models.CharField(max_length=20, choices=SuggestionWho.choices)
    why = models.TextField(max_length=1000)
    link = models.URLField(max_length=300, blank=True)
    # The mapping exercise that asked for it (one asking for good places), if any.
    exercise = models.ForeignKey(
        Exercise, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions"
    )
    # The live workshop's code when sent from one (as Pin.workshop).
    workshop = models.CharField(max_length=20, blank=True)
    contributor = models.CharField(max_length=64, db_index=True)
    receipt = models.ForeignKey(
        Receipt, null=True, on_delete=models.SET_NULL, related_name="suggestions"
    )
    moderation = models.OneToOneField(
        ModerationItem, null=True, on_delete=models.PROTECT, related_name="+"
    )
    # What approval made of it: a new draft listing, or an existing listing it seems to match.
    draft = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    match = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "suggested place or activity"
        verbose_name_plural = "suggested places and activities"
        permissions = [
            ("view_asset_map_reports", "Can see the asset map's partnership figures"),
            ("export_asset_map_reports", "Can export the asset map's partnership figures"),
        ]

    def __str__(self):
        return f"Suggestion: {self.get_what_display()} ({self.where_label})"

    @property
    def where_label(self) -> str:
        if self.place_id:
            return self.place.name
        return "a place on the map" if self.lat is not None else "somewhere in Bristol"

    # The moderation protocol (moderation/contributions.py): every free-text field, one per line,
    # so one redacted published text carries them all, in this order.
    TEXT_FIELDS = ("name", "when", "why", "link")

    def moderation_text(self) -> str:
        return "\n".join(" ".join(str(getattr(self, f)).split()) for f in self.TEXT_FIELDS)

    def published_fields(self) -> dict[str, str]:
        """The free-text fields as moderation published them (redacted): never the originals."""
        text = self.moderation.published_text if self.moderation else ""
        lines = text.split("\n")
        return {
            f: (lines[i].strip() if i < len(lines) else "") for i, f in enumerate(self.TEXT_FIELDS)
        }

    def moderation_headline(self, gazetteer=None) -> str:
        # Named by its chosen place or area: no gazetteer needed.
        return f"Suggested {self.get_what_display().lower()} ({self.where_label})"

    def moderation_summary(self) -> dict:
        fields = [
            ("What it is", self.name),
            ("Kind", self.get_what_display()),
            ("Where", self.where_label),
            ("When it is on", self.when),
            ("Who it suits", self.get_who_display()),
            ("Why it is good", self.why),
            ("Link", self.link),
        ]
        if self.exercise_id:
            fields.append(("Mapping exercise", str(self.exercise)))
        return {
            "title": self.moderation_headline(),
            "fields": fields,
            "lat": None if self.coarsened else self.lat,
            "lng": None if self.coarsened else self.lng,
        }

    def on_moderation_decided(self, item) -> None:
        from coproduction.listings import suggestion_approved

        if item.is_public:
            suggestion_approved(self)

    def purge_raw_location(self) -> None:
        if self.coarsened or self.lat is None or self.lng is None:
            return
        lat, lng = cell_centre(cells_for(self.lat, self.lng)["h3_r9"])
        Suggestion.objects.filter(pk=self.pk).update(lat=lat, lng=lng, coarsened=True)
        self.lat, self.lng, self.coarsened = lat, lng, True
