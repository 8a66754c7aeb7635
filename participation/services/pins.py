"""Creating pins: one use case, one transaction, moderation on the way in, a signal after commit.

`submit_pin` is the entry point for every channel (the JSON API, the pin form, and live workshops):
it applies the idempotency key and the rate limits around `create_pin`."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from moderation.services import submit_for_moderation
from participation import limits
from participation.codes import receipt_code
from participation.exercise_links import with_exercise
from participation.models import Pin, Reason, Receipt
from participation.photos import CleanPhoto, store_private
from places.models import NamedPlace

from .common import PhotoFiles, Submitted, announce_after_commit, fingerprint, new_receipt
from .idempotency import run_once


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
) -> Pin:
    """Saves a pin and hands it to moderation, inside the caller's transaction.

    `contributor` is the contributor's keyed hash (participation.contributors), `workshop` a live
    workshop's join code. `contribution_committed` is sent once the transaction commits."""
    # A pin made inside an open mapping exercise's area is tagged with it.
    submission = with_exercise(submission)
    with transaction.atomic():
        pin = Pin(
            feeling=submission.feeling,
            when=submission.when,
            comment=submission.comment,
            place=submission.place,
            location_source=submission.location_source,
            exercise=submission.exercise,
            workshop=workshop,
            contributor=contributor,
            receipt=receipt,
            photo=photo_path,
            period=timezone.localtime().strftime("%Y-%m"),
            is_demo=is_demo,
        )
        pin.set_position(submission.lat, submission.lng)
        pin.moderation = submit_for_moderation(
            pin,
            kind=Pin.moderation_kind,
            exercise=submission.exercise.slug if submission.exercise else "",
            workshop=workshop,
            has_photo=bool(photo_path),
        )
        pin.save(force_insert=True)
        if submission.reasons:
            pin.reasons.set(submission.reasons)
        announce_after_commit(pin, Pin.moderation_kind)
    return pin


def submit_pin(
    submission: PinSubmission,
    *,
    contributor: str,
    idempotency_key: str,
    address: str | None = None,
    workshop: str = "",
    rate_limit: bool = True,
) -> Submitted:
    """Adds a pin once per idempotency key (a UUID string, see idempotency.parse_key).

    Raises idempotency.KeyReused (422) / InProgress (409), limits.RateLimited (429). Returns
    after the commit, when moderation's scan has run (see Submitted.needs_immediate_help).
    `rate_limit=False` is for staff entering pins on a group's behalf."""
    photos = PhotoFiles()

    def create() -> tuple[str, int]:
        receipt, attempt = new_receipt("pin", idempotency_key)
        photo_path = photos.add(store_private(submission.photo)) if submission.photo else ""
        pin = create_pin(
            submission,
            contributor=contributor,
            receipt=receipt,
            workshop=workshop,
            photo_path=photo_path,
        )
        return str(pin.pk), attempt

    def guard() -> None:
        if rate_limit:
            limits.check("pin", contributor=contributor, address=address)

    try:
        done = run_once(
            scope="pin",
            key=idempotency_key,
            fingerprint=submission.fingerprint(),
            create=create,
            guard=guard,
        )
    except BaseException:
        photos.discard()
        raise
    return Submitted(
        kind="pin",
        id=done.object_id,
        receipt=receipt_code("pin", idempotency_key, done.receipt_attempt),
        created=done.created,
    )
