"""Suggesting a place or activity: the suggestion's specialisation of participation's one
submission flow (participation/services/submission.py)."""

from dataclasses import dataclass

from participation.models import Receipt
from participation.services.common import Submitted, fingerprint
from participation.services.submission import save_submission, submit_plain
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


def create_suggestion(
    submission: SuggestionSubmission,
    *,
    contributor: str,
    receipt: Receipt | None = None,
    is_demo: bool = False,
) -> Suggestion:
    """Saves a suggestion and hands it to moderation, inside the caller's transaction."""
    return save_submission(
        Suggestion, submission, contributor=contributor, receipt=receipt, is_demo=is_demo
    )


def submit_suggestion(
    submission: SuggestionSubmission,
    *,
    contributor: str,
    idempotency_key: str,
    address: str | None = None,
) -> Submitted:
    """Sends a suggestion once per idempotency key; see submission.submit for what it raises."""
    return submit_plain(
        Suggestion,
        submission,
        contributor=contributor,
        idempotency_key=idempotency_key,
        address=address,
    )
