"""The one road by which a contribution is created, whatever it is and whichever channel sent it.

`submit` is a submission from the public (the forms, the JSON API, a live workshop): once per
idempotency key, rate-limited, with a receipt, its photo files removed again if it fails.
`save_for_moderation` is the transaction inside it that every create use case shares (demo data
and paper-map entry included): the contribution and its moderation item are saved together, and
`contribution_committed` (moderation's scan) is sent only once they are committed.

A kind of contribution specialises it with what is its own: how its row is built from the
validated submission and what moderation is told about it (pins.py, proposals.py)."""

import dataclasses
from collections.abc import Callable

from django.db import transaction

from moderation.services import submit_for_moderation
from participation import limits
from participation.codes import receipt_code
from participation.models import Receipt
from participation.sources import contribution_source

from .common import PhotoFiles, Submitted, announce_after_commit, new_receipt
from .idempotency import run_once


def save_for_moderation(contribution, *, after_save: Callable[[], None] | None = None, **facts):
    """Saves an unsaved contribution with its moderation item, inside the caller's transaction.

    `facts` are what moderation is told besides the text (exercise, workshop, has_photo);
    `after_save` adds what needs the saved row (a pin's reasons)."""
    kind = contribution.moderation_kind
    with transaction.atomic():
        contribution.moderation = submit_for_moderation(contribution, kind=kind, **facts)
        contribution.save(force_insert=True)
        if after_save is not None:
            after_save()
        announce_after_commit(contribution, kind)
    return contribution


def save_submission(
    model,
    submission,
    *,
    contributor: str,
    receipt: Receipt | None = None,
    is_demo: bool = False,
    source: str = "",
    facts: dict | None = None,
):
    """Saves a contribution whose row is its submission's fields as they are (an idea, a
    suggestion) and hands it to moderation, inside the caller's transaction; `source` is the
    submitter's keyed network fingerprint, which moderation keeps a few days (and the row never);
    `facts` what else moderation is told (a suggestion's exercise)."""
    fields = {
        field.name: getattr(submission, field.name) for field in dataclasses.fields(submission)
    }
    contribution = model(**fields, contributor=contributor, receipt=receipt, is_demo=is_demo)
    return save_for_moderation(contribution, source=source, **(facts or {}))


@dataclasses.dataclass(frozen=True)
class PlainUseCases:
    """The two use cases of a contribution saved by save_submission (an idea, a suggestion):
    `create` inside the caller's transaction (demo data, factories), and `submit` from the
    public once per idempotency key, under its model's moderation kind (see `submit` for what
    it raises). One pair for every such kind, so none drifts from the others. `facts(submission)`
    is what moderation is told besides the text (see save_for_moderation)."""

    model: type
    facts: Callable[[object], dict] = lambda submission: {}

    def create(
        self,
        submission,
        *,
        contributor: str,
        receipt: Receipt | None = None,
        is_demo=False,
        source: str = "",
    ):
        return save_submission(
            self.model,
            submission,
            contributor=contributor,
            receipt=receipt,
            is_demo=is_demo,
            source=source,
            facts=self.facts(submission),
        )

    def submit(
        self, submission, *, contributor: str, idempotency_key: str, address: str | None = None
    ) -> Submitted:
        return submit(
            self.model.moderation_kind,
            submission,
            create=lambda receipt, _photos: self.create(
                submission,
                contributor=contributor,
                receipt=receipt,
                source=contribution_source(address=address, contributor=contributor),
            ),
            contributor=contributor,
            idempotency_key=idempotency_key,
            address=address,
        )


def submit(
    kind: str,
    submission,
    *,
    create: Callable[[Receipt, PhotoFiles], object],
    contributor: str,
    idempotency_key: str,
    address: str | None = None,
    rate_limit: bool = True,
) -> Submitted:
    """Creates a contribution once per idempotency key (a UUID string, see idempotency.parse_key).

    `kind` ("pin", "proposal") names the receipt, the idempotency scope and the rate limit;
    `submission` is validated and has a fingerprint(); `create(receipt, photos)` saves the
    contribution (through save_for_moderation) and returns it, adding any photo file it writes to
    `photos`. Raises idempotency.KeyReused (422) / InProgress (409), limits.RateLimited (429).
    Returns after the commit, when moderation's scan has run (see Submitted.needs_immediate_help).
    `rate_limit=False` is for staff entering contributions on a group's behalf."""
    photos = PhotoFiles()

    def create_with_receipt() -> tuple[str, int]:
        receipt, attempt = new_receipt(kind, idempotency_key)
        return str(create(receipt, photos).pk), attempt

    def guard() -> None:
        if rate_limit:
            limits.check(kind, contributor=contributor, address=address)

    try:
        done = run_once(
            scope=kind,
            key=idempotency_key,
            fingerprint=submission.fingerprint(),
            create=create_with_receipt,
            guard=guard,
        )
    except BaseException:
        photos.discard()
        raise
    return Submitted(
        kind=kind,
        id=done.object_id,
        receipt=receipt_code(kind, idempotency_key, done.receipt_attempt),
        created=done.created,
    )
