"""What apps above workshops add to a mapping exercise's pages.

Such an app (coproduction: good places young people suggest in answer to an exercise) builds on
workshops, so workshops never imports it: the app registers its extension when it is ready, and
the exercise's card on Have your say, a live workshop's page and the exercise's results screen
for staff ask the registry."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ExerciseLink:
    label: str
    url: str
    name: str  # the extension's name, for the page's data attribute


@dataclass(frozen=True)
class ExerciseExtension:
    name: str
    # (exercise, workshop or None) -> (label, url) of what else young people can do for the
    # exercise (on its card, or on the workshop's page), or None to offer nothing.
    link: Callable[[object, object], tuple[str, str] | None] | None = None
    # (request, rounds) -> {"template": ..., and its context} of a section of the exercise's
    # results screen (its rounds, the first first), or None to add nothing.
    results_section: Callable[[object, list], dict | None] | None = None


_extensions: dict[str, ExerciseExtension] = {}


def register(extension: ExerciseExtension) -> None:
    _extensions[extension.name] = extension


def links(exercise, workshop=None) -> list[ExerciseLink]:
    found = []
    for extension in _extensions.values():
        made = extension.link(exercise, workshop) if extension.link else None
        if made:
            found.append(ExerciseLink(label=made[0], url=made[1], name=extension.name))
    return found


def results_sections(request, rounds: list) -> list[dict]:
    sections = (
        e.results_section(request, rounds) for e in _extensions.values() if e.results_section
    )
    return [section for section in sections if section]
