"""The mapping exercises a pin can be tagged with, as the workshops app answers.

Exercises belong to workshops, which builds on participation, so participation never imports it:
`Pin.exercise` names the model by string ("workshops.Exercise") and workshops registers the
answers to participation's three questions when it is ready (workshops.apps.WorkshopsConfig)."""

from dataclasses import replace
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet


class ExerciseLookup(Protocol):
    def at(self, lat: float, lng: float, place=None) -> Model | None:
        """The open exercise whose area holds the position today, if any."""

    def open_to_anyone(self) -> QuerySet:
        """The exercises a pin may name outside a workshop: open to anyone and running."""

    def named(self, slug: str) -> Model | None:
        """The exercise with this slug, open or not."""


_lookup: ExerciseLookup | None = None


def register(lookup: ExerciseLookup) -> None:
    global _lookup
    _lookup = lookup


def lookup() -> ExerciseLookup:
    if _lookup is None:
        raise ImproperlyConfigured(
            "No exercise lookup registered: the workshops app registers it when it is ready."
        )
    return _lookup


def with_exercise(submission):
    """The submission tagged with the open exercise it was made in, unless it names one."""
    if submission.exercise is not None:
        return submission
    found = lookup().at(submission.lat, submission.lng, submission.place)
    return replace(submission, exercise=found) if found else submission
