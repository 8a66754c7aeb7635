"""HSDS location, address and accessibility.

A confidential location (a refuge, a safe house) is kept for staff only: `Location.objects.public()`
is the only road to locations for anything public, and it leaves confidential ones out entirely, so
no name, address, position or distance derived from one can reach a page or the API."""

import uuid

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from places.geo import cells_for
from places.models import NamedPlace


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place people can visit"
    POSTAL = "postal", "Postal address only"
    VIRTUAL = "virtual", "Online or by phone"


class LocationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(confidential=False)

    def with_position(self):
        return self.filter(lat__isnull=False, lng__isnull=False)


class Location(ClusterableModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    confidential = models.BooleanField(
        default=False,
        help_text="A refuge or any address that must never be shown. Nothing about this location "
        "is published: people see only the service's contact details.",
    )
    place = models.ForeignKey(
        NamedPlace,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="locations",
        help_text="The named place it is at or near. Gives the position when none is entered.",
    )
    lat = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    lng = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    h3_r7 = models.CharField(max_length=16, blank=True, editable=False, db_index=True)
    h3_r8 = models.CharField(max_length=16, blank=True, editable=False, db_index=True)
    h3_r9 = models.CharField(max_length=16, blank=True, editable=False, db_index=True)
    external_identifier = models.CharField(max_length=60, blank=True, help_text="e.g. a UPRN")
    external_identifier_type = models.CharField(max_length=30, blank=True)
    last_modified = models.DateTimeField(auto_now=True)

    objects = LocationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("location_type"), FieldPanel("confidential")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("place"), FieldRowPanel([FieldPanel("lat"), FieldPanel("lng")])],
            heading="Position",
        ),
        InlinePanel("addresses", heading="Addresses", label="Address"),
        InlinePanel("accessibility", heading="Accessibility", label="Accessibility note"),
        FieldRowPanel([FieldPanel("external_identifier"), FieldPanel("external_identifier_type")]),
    ]

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["confidential", "lat", "lng"])]

    def __str__(self):
        return f"{self.name} (confidential)" if self.confidential else self.name

    def clean(self):
        super().clean()
        if (self.lat is None) != (self.lng is None):
            raise ValidationError("Enter both latitude and longitude, or neither.")

    def save(self, *args, **kwargs):
        if self.lat is None and self.lng is None and self.place_id:
            self.lat, self.lng = self.place.lat, self.place.lng
        cells = cells_for(self.lat, self.lng) if self.lat is not None else {}
        for field in ("h3_r7", "h3_r8", "h3_r9"):
            setattr(self, field, cells.get(field, ""))
        super().save(*args, **kwargs)

    @property
    def position(self) -> tuple[float, float] | None:
        return None if self.lat is None else (self.lat, self.lng)


class Address(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=120, blank=True)
    address_1 = models.CharField("address line 1", max_length=255)
    address_2 = models.CharField("address line 2", max_length=255, blank=True)
    city = models.CharField("town or city", max_length=120, default="Bristol")
    region = models.CharField(max_length=120, blank=True, default="South West")
    state_province = models.CharField("county", max_length=120, default="City of Bristol")
    postal_code = models.CharField("postcode", max_length=10, blank=True)
    country = models.CharField(max_length=2, default="GB")
    address_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )

    panels = [
        FieldPanel("address_1"),
        FieldPanel("address_2"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("postal_code")]),
        FieldRowPanel([FieldPanel("state_province"), FieldPanel("country")]),
        FieldPanel("address_type"),
    ]

    class Meta:
        verbose_name_plural = "addresses"

    def __str__(self):
        return self.one_line

    @property
    def one_line(self) -> str:
        parts = [self.address_1, self.address_2, self.city, self.postal_code]
        return ", ".join(p for p in parts if p)


class Accessibility(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    description = models.CharField(
        max_length=255, help_text="e.g. Step-free entrance, accessible toilet, hearing loop."
    )
    details = models.TextField(blank=True)
    url = models.URLField(blank=True)

    panels = [FieldPanel("description"), FieldPanel("details"), FieldPanel("url")]

    class Meta:
        verbose_name_plural = "accessibility notes"

    def __str__(self):
        return self.description
