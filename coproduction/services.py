"""Suggesting a place or activity: the suggestion's specialisation of participation's one
submission flow (participation/services/submission.py)."""

from dataclasses import dataclass

from participation.services.common import fingerprint
from participation.services.submission import PlainUseCases
from places.models import NamedPlace

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
            }
        )


# Saves a suggestion inside the caller's transaction; sends one once per idempotency key.
create_suggestion = PlainUseCases(Suggestion).create
submit_suggestion = PlainUseCases(Suggestion).submit
