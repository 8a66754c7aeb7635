"""The parts of a service edited inline with it: schedules, contacts, phones, costs, languages,
service areas, and the locations it is delivered at (HSDS service_at_location)."""

import datetime
import uuid

from modelcluster.fields import ParentalKey

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .locations import Location
from .services import Service

DAYS = [
    ("MO", "Monday"),
    ("TU", "Tuesday"),
    ("WE", "Wednesday"),
    ("TH", "Thursday"),
    ("FR", "Friday"),
    ("SA", "Saturday"),
    ("SU", "Sunday"),
]
DAY_CODES = [code for code, _ in DAYS]
WEEKEND = ("SA", "SU")
EVENING_STARTS = datetime.time(18, 0)


def validate_byday(value: str) -> None:
    unknown = [d for d in value.split(",") if d.strip() and d.strip() not in DAY_CODES]
    if unknown:
        raise ValidationError(f"Unknown day codes: {', '.join(unknown)}. Use MO,TU,...,SU.")


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.CharField(max_length=255, blank=True)
    last_modified = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("location"), FieldPanel("description")]

    class Meta:
        verbose_name = "where it happens"

    def __str__(self):
        return f"{self.service} at {self.location}"


class Frequency(models.TextChoices):
    WEEKLY = "WEEKLY", "Every week"
    MONTHLY = "MONTHLY", "Every month"


class Schedule(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="schedules")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    freq = models.CharField(
        "repeats", max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    interval = models.PositiveSmallIntegerField(default=1)
    byday = models.CharField(
        "days", max_length=30, blank=True, validators=[validate_byday], help_text="e.g. MO,WE,SA"
    )
    bymonthday = models.CharField(max_length=60, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    description = models.CharField(max_length=255, blank=True)
    attending_type = models.CharField(max_length=120, blank=True)
    notes = models.CharField(max_length=255, blank=True)
    schedule_link = models.URLField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("freq"), FieldPanel("byday")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
    ]

    class Meta:
        ordering = ["opens_at"]

    def __str__(self):
        return self.description or f"{self.byday} {self.opens_at}-{self.closes_at}"

    @property
    def day_codes(self) -> list[str]:
        return [d.strip() for d in self.byday.split(",") if d.strip()]

    @property
    def day_names(self) -> list[str]:
        names = dict(DAYS)
        return [names[code] for code in DAY_CODES if code in self.day_codes]


class Contact(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120, blank=True, help_text="A team or role is fine.")
    title = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    phone_id = models.UUIDField(default=uuid.uuid4, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    def __str__(self):
        return self.name or self.title or self.phone


class Phone(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=40)
    description = models.CharField(max_length=255, blank=True, help_text="e.g. Referral line")

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("description")])]

    def __str__(self):
        return self.number


class CostOption(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=255, blank=True, help_text="Who or what it applies to")
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=255, blank=True, help_text="e.g. a session")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("option"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("amount_description")]),
    ]

    def __str__(self):
        return self.option or str(self.amount)


class Language(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(max_length=60)
    code = models.CharField(max_length=10, blank=True, help_text="ISO 639, e.g. so for Somali")
    note = models.CharField(max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("code")]), FieldPanel("note")]

    def __str__(self):
        return self.name


class ServiceArea(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=255, help_text="e.g. City of Bristol, or South Bristol")
    description = models.TextField(blank=True)
    uri = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    def __str__(self):
        return self.name
