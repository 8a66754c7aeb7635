"""Mapping exercises: a question about an area, for a period, open to anyone or workshop-only.

The same area is mapped again months later as a new round of the same exercise: every round
points at the first one (`first_round`), so the rounds can be listed and compared."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now, TruncDate
from django.utils import timezone

from places.areas import centre_of, clean_area, covers, near_any
from places.models import NamedPlace


class Audience(models.TextChoices):
    OPEN = "open", "Open to anyone (listed on Have your say)"
    WORKSHOP = "workshop", "Only in workshops"


class ExerciseAsks(models.TextChoices):
    # What young people are asked for. Good places reach the directory's suggestions queue
    # (coproduction), as suggestions tagged with the exercise.
    FEELINGS = "feelings", "Safe and unsafe places"
    GOOD_PLACES = (
        "feelings-and-good-places",
        ("Safe and unsafe places, and places that are good for young people"),
    )


class ConcernKind(models.TextChoices):
    LOCATION = "location-of-concern", "A location of concern"
    CCE_PROFILE = "cce-problem-profile", "A CCE problem profile"
    PEER_GROUP = "peer-group", "A peer group assessment"
    OTHER = "other", "Something else"


def _today():
    # Evaluated by the database when the query runs, so a queryset built once (a form field's
    # choices, say) never freezes the date it was built on.
    return TruncDate(Now())


class ExerciseQuerySet(models.QuerySet):
    def running(self, on=None):
        """Exercises whose dates include `on` (default: today)."""
        today = on or _today()
        return self.filter(starts_on__lte=today).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today)
        )

    def open_to_anyone(self, on=None):
        """What /have-your-say/ lists and what a pin outside a workshop may be tagged with."""
        return self.running(on).filter(audience=Audience.OPEN)

    def asking_for_good_places(self):
        return self.filter(asks=ExerciseAsks.GOOD_PLACES)


class Exercise(models.Model):
    """A mapping exercise: a question about an area, for a period, open or workshop-only."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    prompt = models.TextField(
        blank=True,
        max_length=500,
        help_text="The question young people are asked, e.g. 'Where do you feel safe or unsafe "
        "around the high street after school?'",
    )
    area = models.JSONField(
        null=True,
        blank=True,
        validators=[clean_area],
        help_text="The area it covers, drawn on the map (a GeoJSON polygon).",
    )
    places = models.ManyToManyField(
        NamedPlace,
        blank=True,
        related_name="exercises",
        help_text="Named places it covers, with or instead of a drawn area.",
    )
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True, help_text="Leave empty: no end date yet.")
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.OPEN)
    asks = models.CharField(
        "it asks for",
        max_length=30,
        choices=ExerciseAsks.choices,
        default=ExerciseAsks.FEELINGS,
    )
    concern_kind = models.CharField(
        "concern it follows", max_length=30, choices=ConcernKind.choices, blank=True
    )
    concern = models.CharField(
        "about the concern",
        max_length=255,
        blank=True,
        help_text="Staff only, never shown publicly: e.g. the problem profile's reference.",
    )
    # Rounds: a repeat of the same area points at the exercise's first round.
    first_round = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="later_rounds",
        editable=False,
    )
    round_number = models.PositiveSmallIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        # Created when exercises lived in participation; the table keeps its name.
        db_table = "participation_exercise"
        ordering = ["title", "round_number"]

    def __str__(self):
        return self.title if self.round_number == 1 else f"{self.title} (round {self.round_number})"

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The end date is before the start date."})

    @property
    def series_id(self):
        return self.first_round_id or self.pk

    def rounds(self):
        """Every round of this exercise's area, the first first."""
        return Exercise.objects.filter(
            Q(pk=self.series_id) | Q(first_round_id=self.series_id)
        ).order_by("round_number")

    def is_running(self, on=None) -> bool:
        today = on or timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)

    @property
    def asks_for_good_places(self) -> bool:
        return self.asks == ExerciseAsks.GOOD_PLACES

    @property
    def is_open_to_anyone(self) -> bool:
        return self.audience == Audience.OPEN

    def centre(self) -> tuple[float, float] | None:
        """The middle of the area (or of the named places), to centre a map on."""
        if self.area:
            return centre_of(self.area)
        places = list(self.places.all())
        if not places:
            return None
        return (
            sum(p.lat for p in places) / len(places),
            sum(p.lng for p in places) / len(places),
        )

    def covers(self, lat: float, lng: float, place: NamedPlace | None = None) -> bool:
        """Whether a position (and the named place it was chosen by, if any) is in the area."""
        if covers(self.area, lat, lng):
            return True
        places = list(self.places.all())
        if place is not None and any(p.pk == place.pk for p in places):
            return True
        return near_any(places, lat, lng)
