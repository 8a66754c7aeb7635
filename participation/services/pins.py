"""Creating pins: the pin's specialisation of the submission skeleton (submission.py).

`submit_pin` is the entry point for every channel (the JSON API, the pin form, and live workshops);
`create_pin` builds the row (position, exercise, photo, reasons) for `save_for_moderation`."""

from dataclasses import dataclass, field

from django.db.models import Model
from django.utils import timezone

from participation.exercise_links import with_exercise
from participation.models import Pin, Reason, Receipt
from participation.photos import CleanPhoto, store_private
from participation.sources import contribution_source
from places.models import NamedPlace

from .common import PhotoFiles, Submitted, fingerprint
from .submission import save_for_moderation, submit


@dataclass(frozen=True)
class PinSubmission:
    """A validated pin (see participation.forms.PinForm.submission)."""

    feeling: str
    lat: float
    lng: float
    location_source: str
    place: NamedPlace | None = None
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    when: str = ""
    comment: str = ""
    exercise: Model | None = None  # a workshops.Exercise
    photo: CleanPhoto | None = None

    def fingerprint(self) -> str:
        return fingerprint(
            {
                "feeling": self.feeling,
                "position": [round(self.lat, 6), round(self.lng, 6)],
                "source": self.location_source,
                "place": self.place.slug if self.place else None,
                "reasons": sorted(reason.slug for reason in self.reasons),
                "when": self.when,
                "comment": self.comment,
                "exercise": self.exercise.slug if self.exercise else None,
                "photo": self.photo.digest if self.photo else None,
            }
        )


def create_pin(
    submission: PinSubmission,
    *,
    contributor: str,
    receipt: Receipt | None = None,
    workshop: str = "",
    photo_path: str = "",
    is_demo: bool = False,
    address: str | None = None,
) -> Pin:
    """Saves a pin and hands it to moderation, inside the caller's transaction.

    `contributor` is the contributor's keyed hash (participation.contributors), `workshop` a live
    workshop's code. `contribution_committed` is sent once the transaction commits."""
    # A pin made inside an open mapping exercise's area is tagged with it.
    submission = with_exercise(submission)
    pin = Pin(
        feeling=submission.feeling,
        when=submission.when,
        comment=submission.comment,
        place=submission.place,
        location_source=submission.location_source,
        exercise=submission.exercise,
        workshop=workshop,
        contributor=contributor,
        source=contribution_source(address=address, contributor=contributor, workshop=workshop),
        receipt=receipt,
        photo=photo_path,
        period=timezone.localtime().strftime("%Y-%m"),
        is_demo=is_demo,
    )
    pin.set_position(submission.lat, submission.lng)

    def add_reasons() -> None:
        if submission.reasons:
            pin.reasons.set(submission.reasons)

    return save_for_moderation(
        pin,
        after_save=add_reasons,
        exercise=submission.exercise.slug if submission.exercise else "",
        workshop=workshop,
        has_photo=bool(photo_path),
        source=pin.source,
    )


def submit_pin(
    submission: PinSubmission,
    *,
    contributor: str,
    idempotency_key: str,
    address: str | None = None,
    workshop: str = "",
    rate_limit: bool = True,
) -> Submitted:
    """Adds a pin once per idempotency key; see submission.submit for what it raises."""

    def create(receipt: Receipt, photos: PhotoFiles) -> Pin:
        photo_path = photos.add(store_private(submission.photo)) if submission.photo else ""
        return create_pin(
            submission,
            contributor=contributor,
            receipt=receipt,
            workshop=workshop,
            photo_path=photo_path,
            address=address,
        )

    return submit(
        "pin",
        submission,
        create=create,
        contributor=contributor,
        idempotency_key=idempotency_key,
        address=address,
        rate_limit=rate_limit,
    )
