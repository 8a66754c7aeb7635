"""Suggesting a place or activity: the suggestion's specialisation of participation's one
submission flow (participation/services/submission.py)."""

from dataclasses import dataclass

from participation.services.common import fingerprint
from participation.services.submission import PlainUseCases
from places.models import NamedPlace
from workshops.models import Exercise

from .models import Suggestion


@dataclass(frozen=True)
class SuggestionSubmission:
    """A validated suggestion (see coproduction.forms.SuggestionForm.submission)."""

    name: str
    what: str
    who: str
    why: str
    when: str = ""
    link: str = ""
    place: NamedPlace | None = None
    lat: float | None = None
    lng: float | None = None
    # The mapping exercise that asked for good places, when sent from its page or workshop.
    exercise: Exercise | None = None
    # The code of the live workshop it was sent from (its group is still in the room).
    workshop: str = ""

    def fingerprint(self) -> str:
        return fingerprint(
            {
                "name": self.name,
                "what": self.what,
                "where": self.place.slug if self.place else [self.lat, self.lng],
                "when": self.when,
                "who": self.who,
                "why": self.why,
                "link": self.link,
                "exercise": self.exercise.slug if self.exercise else None,
                "workshop": self.workshop,
            }
        )


def _facts(submission: SuggestionSubmission) -> dict:
    # The queue's exercise column and filter read the moderation item, as for pins; a workshop's
    # code gives the item the workshop's shorter due time (moderation/due.py).
    return {
        "exercise": submission.exercise.slug if submission.exercise else "",
        "workshop": submission.workshop,
    }


# Saves a suggestion inside the caller's transaction; sends one once per idempotency key.
SUGGESTIONS = PlainUseCases(Suggestion, facts=_facts)
create_suggestion = SUGGESTIONS.create
submit_suggestion = SUGGESTIONS.submit
