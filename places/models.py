"""The gazetteer: named places of Bristol that can stand for a map position.

Young people choose one instead of a map point (no JavaScript, no map reading needed); the
directory's "near" filter measures from one; the community map names its cells after the nearest.
Every feature app reads places, so they live on the ground floor and import no feature app."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from places.geo import cells_for, distance_miles


class PlaceKind(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"
    PARK = "park", "Park or open space"
    STATION = "station", "Station or bus station"
    SHOPPING = "shopping", "Shopping street or centre"
    LANDMARK = "landmark", "Landmark"


class NamedPlaceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def matching(self, query: str):
        query = (query or "").strip()
        if not query:
            return self
        return self.filter(
            Q(name__icontains=query) | Q(aliases__icontains=query) | Q(area__icontains=query)
        )


class NamedPlace(index.Indexed, models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=PlaceKind.choices)
    area = models.CharField(
        max_length=60,
        blank=True,
        help_text="The part of the city, e.g. North, East Central, South.",
    )
    aliases = models.CharField(
        max_length=255, blank=True, help_text="Other names people use, separated by commas."
    )
    lat = models.FloatField(validators=[MinValueValidator(51.3), MaxValueValidator(51.6)])
    lng = models.FloatField(validators=[MinValueValidator(-2.8), MaxValueValidator(-2.4)])
    h3_r7 = models.CharField(max_length=16, editable=False, db_index=True)
    h3_r8 = models.CharField(max_length=16, editable=False, db_index=True)
    h3_r9 = models.CharField(max_length=16, editable=False, db_index=True)
    active = models.BooleanField(default=True)

    objects = NamedPlaceQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("area")]),
        FieldPanel("aliases"),
        FieldRowPanel([FieldPanel("lat"), FieldPanel("lng")], heading="Position"),
        FieldPanel("active"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("aliases"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("active"),
    ]

    class Meta:
        # The table was created when the gazetteer lived in the directory; it keeps its name.
        db_table = "services_directory_namedplace"
        ordering = ["name"]
        verbose_name = "named place"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        for field, cell in cells_for(self.lat, self.lng).items():
            setattr(self, field, cell)
        super().save(*args, **kwargs)

    @property
    def position(self) -> tuple[float, float]:
        return (self.lat, self.lng)


class Gazetteer:
    """The active named places, read once (one query) and asked for the nearest to any number of
    positions, as a queue page of pins is: a few hundred places, so a walk, no spatial index."""

    def __init__(self):
        self._places: list[NamedPlace] | None = None

    def nearest(self, lat: float, lng: float) -> "NamedPlace | None":
        if self._places is None:
            self._places = list(NamedPlace.objects.active().only("name", "lat", "lng"))
        if not self._places:
            return None
        return min(self._places, key=lambda place: distance_miles((lat, lng), place.position))
