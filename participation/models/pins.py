"""Safe and unsafe places: the pins young people add. Core shapes shared with moderation and mapping.

A pin keeps its exact position only while moderation needs it (see moderation's retention rules);
its H3 cells are computed on write so the community map aggregates with an indexed GROUP BY."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q

from moderation.models import ModerationItem
from places.geo import cell_centre, cells_for, distance_miles
from places.models import Gazetteer, NamedPlace

from .contributions import Contribution, ContributionQuerySet
from .receipts import Receipt


class Feeling(models.TextChoices):
    SAFE = "safe", "Safe"
    UNSAFE = "unsafe", "Unsafe"


class TimeOfDay(models.TextChoices):
    MORNING = "morning", "Morning"
    SCHOOL_HOURS = "school-hours", "During school hours"
    AFTER_SCHOOL = "after-school", "After school"
    EVENING = "evening", "Evening"
    NIGHT = "night", "Night"


class LocationSource(models.TextChoices):
    MAP = "map", "Map crosshair"
    PLACE = "place", "Named place"
    GEOLOCATION = "geolocation", "Device location"


class ReasonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Reason(models.Model):
    """Why a place feels safe or unsafe: structured, staff-editable."""

    slug = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=120)
    feeling = models.CharField(max_length=10, choices=Feeling.choices)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Inactive reasons are no longer offered.")

    objects = ReasonQuerySet.as_manager()

    class Meta:
        ordering = ["feeling", "order", "label"]

    def __str__(self):
        return self.label


class PinQuerySet(ContributionQuerySet):
    pass


class Pin(Contribution):
    moderation_kind = "pin"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    feeling = models.CharField(max_length=10, choices=Feeling.choices, db_index=True)
    when = models.CharField(max_length=20, choices=TimeOfDay.choices, blank=True, db_index=True)
    reasons = models.ManyToManyField(Reason, blank=True, related_name="pins")
    comment = models.TextField(blank=True, max_length=1000)
    place = models.ForeignKey(
        NamedPlace, null=True, blank=True, on_delete=models.SET_NULL, related_name="pins"
    )
    location_source = models.CharField(max_length=12, choices=LocationSource.choices)
    lat = models.FloatField()
    lng = models.FloatField()
    h3_r7 = models.CharField(max_length=16, db_index=True)
    h3_r8 = models.CharField(max_length=16, db_index=True)
    h3_r9 = models.CharField(max_length=16, db_index=True)
    # Set once the raw position has been replaced by its resolution-9 cell centre.
    coarsened = models.BooleanField(default=False)
    exercise = models.ForeignKey(
        "workshops.Exercise", null=True, blank=True, on_delete=models.SET_NULL, related_name="pins"
    )
    # The live workshop the pin was added in (its join code), if any.
    workshop = models.CharField(max_length=20, blank=True, db_index=True)
    # A keyed hash of the contributor's random token: counts distinct contributors, never names one.
    contributor = models.CharField(max_length=64, db_index=True)
    # Where the pin came from, as a keyed fingerprint of the client's network (its IPv4 address or
    # IPv6 /64; never the address itself), or of the participant in a live workshop, which vouches
    # for its join codes (participation/sources.py). The map counts a person only once per source,
    # so clearing the cookie makes nobody new.
    source = models.CharField(max_length=64, blank=True, db_index=True)
    receipt = models.ForeignKey(Receipt, null=True, on_delete=models.SET_NULL, related_name="pins")
    moderation = models.OneToOneField(
        ModerationItem, null=True, on_delete=models.PROTECT, related_name="+"
    )
    # A re-encoded JPEG under PRIVATE_MEDIA_ROOT (random name); no URL serves it.
    photo = models.CharField(max_length=120, blank=True)
    # The calendar month (YYYY-MM) the pin belongs to: the community map's unit of time.
    period = models.CharField(max_length=7, db_index=True)
    is_demo = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = PinQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["period", "h3_r8"]),
            models.Index(fields=["period", "h3_r7"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(lat__gte=-90) & Q(lat__lte=90) & Q(lng__gte=-180) & Q(lng__lte=180),
                name="pin_position_on_earth",
            )
        ]

    def __str__(self):
        return f"{self.get_feeling_display()} pin {self.id}"

    def set_position(self, lat: float, lng: float) -> None:
        self.lat, self.lng = lat, lng
        for field, cell in cells_for(lat, lng).items():
            setattr(self, field, cell)

    def where_label(self, gazetteer: Gazetteer | None = None) -> str:
        """Where the pin is, in words a moderator can picture (not how the form took it)."""
        if self.place_id:
            return f"{self.place.name} (a named place they chose)"
        how = {
            LocationSource.GEOLOCATION: "Their phone's location",
            LocationSource.MAP: "A point they put on the map",
        }.get(self.location_source, "A point on the map")
        near = (gazetteer or Gazetteer()).nearest(self.lat, self.lng)
        if near is None:
            return how
        miles = distance_miles((self.lat, self.lng), near.position)
        return f"{how}, {miles:.1f} miles from {near.name}"

    def near_label(self, gazetteer: Gazetteer | None = None) -> str:
        """The named place the pin is at or nearest to, for a title or a queue row."""
        place = self.place or (gazetteer or Gazetteer()).nearest(self.lat, self.lng)
        return f" near {place.name}" if place else ""

    # The moderation protocol (moderation/contributions.py).
    def moderation_text(self) -> str:
        return self.comment

    def moderation_headline(self, gazetteer: Gazetteer | None = None) -> str:
        return f"{self.get_feeling_display()} place{self.near_label(gazetteer)}"

    def moderation_summary(self) -> dict:
        reasons = ", ".join(reason.label for reason in self.reasons.all()) or "none given"
        gazetteer = Gazetteer()
        fields = [
            ("Feeling", self.get_feeling_display()),
            ("Where", self.where_label(gazetteer)),
            ("Why", reasons),
            ("When", self.get_when_display() or "not given"),
            ("Comment", self.comment or "none"),
            ("Photo", "yes" if self.photo else "no"),
        ]
        if self.exercise_id:
            fields.append(("Exercise", self.exercise.title))
        if self.workshop:
            # A FacilitatorEntry row marks a pin copied from a group's paper map.
            paper = " (entered by the facilitator from a paper map)"
            fields.append(("Workshop", self.workshop + paper * hasattr(self, "facilitator_entry")))
        return {
            "title": self.moderation_headline(gazetteer),
            "fields": fields,
            "lat": None if self.coarsened else self.lat,
            "lng": None if self.coarsened else self.lng,
        }

    def moderation_photo_path(self) -> str | None:
        return str(Path(settings.PRIVATE_MEDIA_ROOT) / self.photo) if self.photo else None

    def on_moderation_decided(self, item) -> None:
        # Once a person has judged the pin, nobody needs more than its resolution-9 cell.
        self.purge_raw_location()

    def purge_raw_location(self) -> None:
        if self.coarsened:
            return
        lat, lng = cell_centre(self.h3_r9)
        # The cells stay as they were: the centre of a cell lies in that cell at every coarser
        # resolution only approximately, and the map must not move a pin between cells.
        Pin.objects.filter(pk=self.pk).update(lat=lat, lng=lng, coarsened=True)
        self.lat, self.lng, self.coarsened = lat, lng, True
