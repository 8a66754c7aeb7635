"""Live workshops: opening one, pausing and closing it, and pins added in it.

Participants' pins go through `submit_pin` like any other (idempotency, rate limits, moderation),
tagged with the workshop's code and exercise. Pins a facilitator enters from a paper map go
through `create_pin` too, under one contributor hash per workshop: a paper session counts as one
contributor however many people drew on the map, so it can never push an area of the public map
over its minimum number of contributors on its own."""

from dataclasses import dataclass, replace

from django.db import IntegrityError, transaction
from django.utils import timezone

from participation import limits
from participation.codes import keyed_hash
from participation.services.common import Submitted
from participation.services.idempotency import run_once
from participation.services.pins import PinSubmission, create_pin, submit_pin
from workshops.models import FacilitatorEntry, Workshop, WorkshopStatus
from workshops.models.workshops import new_code, normalise_code

CODE_ATTEMPTS = 10


class WorkshopNotFound(Exception):
    message = (
        "We could not find a workshop with that code. Check it with the person running the "
        "workshop: codes have six letters and numbers, like KMT 4PX."
    )


class WorkshopUnavailable(Exception):
    """The workshop is not taking pins now (HTTP 403: the same request will not work)."""

    message = ""


class WorkshopPaused(WorkshopUnavailable):
    message = (
        "The workshop is paused, so it is not taking pins just now. Wait until the person running "
        "it starts it again, then press Send: what you chose is still here."
    )


class WorkshopClosed(WorkshopUnavailable):
    message = (
        "This workshop has closed and is not taking any more pins. Thank you for taking part. "
        "You can still add a place on Have your say."
    )


class StatusChangeRefused(Exception):
    message = "A closed workshop stays closed: open a new workshop instead."


def find_workshop(code: str, *, address: str | None = None) -> Workshop:
    """The workshop behind a typed code; raises WorkshopNotFound, or RateLimited once `address`
    (the client address) has tried too many codes that name no workshop."""
    limits.check_not_exhausted("workshop-code", address=address)
    normalised = normalise_code(code)
    workshop = (
        Workshop.objects.select_related("exercise").filter(code=normalised).first()
        if normalised
        else None
    )
    if workshop is None:
        limits.check("workshop-code", address=address)
        raise WorkshopNotFound()
    return workshop


def open_workshop(exercise, *, facilitator, label: str) -> Workshop:
    """A new open workshop with a join code never used before."""
    for _ in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                return Workshop.objects.create(
                    code=new_code(), exercise=exercise, facilitator=facilitator, label=label
                )
        except IntegrityError:
            continue  # the code was taken (about 1 in 10**8 with a few thousand workshops)
    raise RuntimeError("no free workshop code")


# The statuses a workshop may come from, by the status it goes to.
ALLOWED_FROM = {
    WorkshopStatus.OPEN: (WorkshopStatus.PAUSED,),
    WorkshopStatus.PAUSED: (WorkshopStatus.OPEN,),
    WorkshopStatus.CLOSED: (WorkshopStatus.OPEN, WorkshopStatus.PAUSED),
}


def set_status(workshop: Workshop, status: str) -> Workshop:
    """Pauses, resumes or closes the workshop; the facilitators' screens hear it after commit."""
    from workshops import live as workshop_live

    if status not in ALLOWED_FROM:
        raise ValueError(status)
    with transaction.atomic():
        changed = Workshop.objects.filter(pk=workshop.pk, status__in=ALLOWED_FROM[status]).update(
            status=status,
            closed_at=timezone.now() if status == WorkshopStatus.CLOSED else None,
        )
        workshop.refresh_from_db()
        if not changed and workshop.status != status:
            raise StatusChangeRefused()
        transaction.on_commit(lambda: workshop_live.announce_status(workshop))
    return workshop


def check_taking_pins(workshop: Workshop) -> None:
    status = Workshop.objects.filter(pk=workshop.pk).values_list("status", flat=True).first()
    if status == WorkshopStatus.PAUSED:
        raise WorkshopPaused()
    if status != WorkshopStatus.OPEN:
        raise WorkshopClosed()


def submit_workshop_pin(
    workshop: Workshop,
    submission: PinSubmission,
    *,
    contributor: str,
    idempotency_key: str,
    address: str | None = None,
) -> Submitted:
    """A participant's pin, as `submit_pin` takes it, in the workshop's exercise; raises
    WorkshopPaused / WorkshopClosed when the workshop is not taking pins."""
    check_taking_pins(workshop)
    return submit_pin(
        replace(submission, exercise=workshop.exercise),
        contributor=contributor,
        idempotency_key=idempotency_key,
        address=address,
        workshop=workshop.code,
    )


def paper_contributor(workshop: Workshop) -> str:
    return keyed_hash("workshop-paper", str(workshop.pk))


@dataclass(frozen=True)
class PaperPin:
    id: str
    created: bool


def enter_paper_pin(workshop: Workshop, submission: PinSubmission, *, idempotency_key: str):
    """A pin a facilitator copies from the group's paper map, once per idempotency key. Open,
    paused or closed alike: paper maps are often typed up after the session."""

    def create() -> tuple[str, int]:
        pin = create_pin(
            replace(submission, exercise=workshop.exercise, photo=None),
            contributor=paper_contributor(workshop),
            workshop=workshop.code,
        )
        FacilitatorEntry.objects.create(pin=pin, workshop=workshop)
        return str(pin.pk), 0

    done = run_once(
        scope=f"workshop-paper:{workshop.pk}",
        key=idempotency_key,
        fingerprint=submission.fingerprint(),
        create=create,
    )
    return PaperPin(id=done.object_id, created=done.created)
