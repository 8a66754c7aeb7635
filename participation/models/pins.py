"""Young people's contributions. Core shapes shared with moderation and mapping.

A pin keeps its exact position only while moderation needs it (see moderation's retention rules);
its H3 cells are computed on write so the community map aggregates with an indexed GROUP BY."""

import uuid

from django.db import models
from django.db.models import Q

from moderation.models import ModerationItem, ModerationStatus
from services_directory.geo import cells_for
from services_directory.models import NamedPlace

from .exercises import Exercise


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


class Reason(models.Model):
    """Why a place feels safe or unsafe: structured, staff-editable."""

    slug = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=120)
    feeling = models.CharField(max_length=10, choices=Feeling.choices)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["feeling", "order", "label"]

    def __str__(self):
        return self.label


class Receipt(models.Model):
    """The only way back to a contribution: a code shown once, stored only as a keyed hash."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"receipt {self.id}"


class PinQuerySet(models.QuerySet):
    def published(self):
        """The only road to public pin data: approved by a person, not flagged, not deleted."""
        return self.filter(moderation__status=ModerationStatus.APPROVED, moderation__flagged=False)


class Pin(models.Model):
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
    exercise = models.ForeignKey(
        Exercise, null=True, blank=True, on_delete=models.SET_NULL, related_name="pins"
    )
    # A keyed hash of the contributor's random token: counts distinct contributors, never names one.
    contributor = models.CharField(max_length=64, db_index=True)
    receipt = models.ForeignKey(Receipt, null=True, on_delete=models.SET_NULL, related_name="pins")
    moderation = models.OneToOneField(
        ModerationItem, null=True, on_delete=models.PROTECT, related_name="+"
    )
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
