"""Mapping exercises: which one a new pin belongs to, new rounds of an area, comparing rounds."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from participation.models import Feeling, Pin, Reason
from workshops.models import Exercise


def exercise_at(lat: float, lng: float, place=None, on: date | None = None) -> Exercise | None:
    """The open exercise whose area holds the position today; the latest started one wins when
    areas overlap (a new round of an area takes over from the last)."""
    candidates = (
        Exercise.objects.open_to_anyone(on or timezone.localdate())
        .prefetch_related("places")
        .order_by("-starts_on", "-round_number", "-pk")
    )
    for exercise in candidates:
        if exercise.covers(lat, lng, place):
            return exercise
    return None


class ExerciseLinks:
    """What participation asks about exercises (registered in participation.exercise_links)."""

    def at(self, lat: float, lng: float, place=None) -> Exercise | None:
        return exercise_at(lat, lng, place)

    def open_to_anyone(self):
        return Exercise.objects.open_to_anyone()

    def named(self, slug: str) -> Exercise | None:
        return Exercise.objects.filter(slug=slug).first()


def start_new_round(exercise: Exercise, *, starts_on: date, ends_on: date | None) -> Exercise:
    """A repeat of the exercise's area and question, as its next round."""
    first = exercise.rounds().first()
    with transaction.atomic():
        # Locking the first round serialises two staff starting a round at once.
        Exercise.objects.select_for_update().filter(pk=first.pk).first()
        latest = first.rounds().last()
        number = latest.round_number + 1
        new = Exercise.objects.create(
            slug=_round_slug(first.slug, number),
            title=first.title,
            prompt=latest.prompt,
            area=latest.area,
            starts_on=starts_on,
            ends_on=ends_on,
            audience=latest.audience,
            asks=latest.asks,
            concern_kind=latest.concern_kind,
            concern=latest.concern,
            first_round=first,
            round_number=number,
        )
        new.places.set(latest.places.all())
    return new


def _round_slug(base: str, number: int) -> str:
    suffix = f"-round-{number}"
    slug = f"{base[: 80 - len(suffix)]}{suffix}"
    while Exercise.objects.filter(slug=slug).exists():
        suffix += "x"
        slug = f"{base[: 80 - len(suffix)]}{suffix}"
    return slug


@dataclass
class RoundFigures:
    """What moderated, published pins of one round say: only approved pins count."""

    exercise: Exercise
    pins: int = 0
    contributors: int = 0
    safe: int = 0
    unsafe: int = 0
    reasons: dict = field(default_factory=dict)  # reason slug -> count

    @property
    def unsafe_share(self) -> int | None:
        return round(100 * self.unsafe / self.pins) if self.pins else None


@dataclass
class ReasonRow:
    label: str
    feeling: str
    counts: list


@dataclass
class Comparison:
    rounds: list
    reasons: list

    @property
    def changes(self) -> list:
        """Change of the unsafe share (percentage points) from each round to the next."""
        shares = [r.unsafe_share for r in self.rounds]
        return [
            None if a is None or b is None else b - a
            for a, b in zip(shares, shares[1:], strict=False)
        ]


def compare_rounds(exercise: Exercise) -> Comparison:
    rounds = list(exercise.rounds())
    figures = []
    for one in rounds:
        pins = Pin.objects.published().filter(exercise=one)
        by_feeling = dict(pins.values_list("feeling").annotate(n=Count("pk")).order_by())
        reasons = dict(
            Reason.objects.filter(pins__in=pins)
            .values_list("slug")
            .annotate(n=Count("pins"))
            .order_by()
        )
        figures.append(
            RoundFigures(
                exercise=one,
                pins=sum(by_feeling.values()),
                contributors=pins.values("contributor").distinct().count(),
                safe=by_feeling.get(Feeling.SAFE, 0),
                unsafe=by_feeling.get(Feeling.UNSAFE, 0),
                reasons=reasons,
            )
        )
    used = set().union(*(f.reasons for f in figures)) if figures else set()
    rows = [
        ReasonRow(reason.label, reason.feeling, [f.reasons.get(reason.slug, 0) for f in figures])
        for reason in Reason.objects.filter(slug__in=used)
    ]
    return Comparison(rounds=figures, reasons=rows)
