"""Ideas for youth provision: proposing one, and supporting one (once per contributor)."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from moderation.services import submit_for_moderation
from participation import limits
from participation.codes import receipt_code
from participation.models import Proposal, Receipt, Support
from places.models import NamedPlace

from .common import Submitted, announce_after_commit, fingerprint, new_receipt
from .idempotency import run_once


@dataclass(frozen=True)
class ProposalSubmission:
    """A validated idea (see participation.forms.ProposalForm.submission)."""

    title: str
    what: str
    area: str
    when: str
    why: str
    place: NamedPlace | None = None

    def fingerprint(self) -> str:
        return fingerprint(
            {
                "title": self.title,
                "what": self.what,
                "where": self.place.slug if self.place else self.area,
                "when": self.when,
                "why": self.why,
            }
        )


def create_proposal(
    submission: ProposalSubmission,
    *,
    contributor: str,
    receipt: Receipt | None = None,
    is_demo: bool = False,
) -> Proposal:
    """Saves an idea and hands it to moderation, inside the caller's transaction."""
    with transaction.atomic():
        proposal = Proposal(
            title=submission.title,
            what=submission.what,
            place=submission.place,
            area=submission.area,
            when=submission.when,
            why=submission.why,
            contributor=contributor,
            receipt=receipt,
            is_demo=is_demo,
        )
        proposal.moderation = submit_for_moderation(proposal, kind=Proposal.moderation_kind)
        proposal.save(force_insert=True)
        announce_after_commit(proposal, Proposal.moderation_kind)
    return proposal


def submit_proposal(
    submission: ProposalSubmission,
    *,
    contributor: str,
    idempotency_key: str,
    address: str | None = None,
) -> Submitted:
    """Shares an idea once per idempotency key; raises like pins.submit_pin."""

    def create() -> tuple[str, int]:
        receipt, attempt = new_receipt("proposal", idempotency_key)
        proposal = create_proposal(submission, contributor=contributor, receipt=receipt)
        return str(proposal.pk), attempt

    done = run_once(
        scope="proposal",
        key=idempotency_key,
        fingerprint=submission.fingerprint(),
        create=create,
        guard=lambda: limits.check("proposal", contributor=contributor, address=address),
    )
    return Submitted(
        kind="proposal",
        id=done.object_id,
        receipt=receipt_code("proposal", idempotency_key, done.receipt_attempt),
        created=done.created,
    )


def support_proposal(proposal: Proposal, *, contributor: str, address: str | None = None) -> int:
    """Adds the contributor's support (at most once) and returns the new count.

    `proposal` must come from Proposal.objects.published(): only published ideas are supported."""
    if not Support.objects.filter(proposal=proposal, contributor=contributor).exists():
        limits.check("support", contributor=contributor, address=address)
        try:
            with transaction.atomic():
                Support.objects.create(proposal=proposal, contributor=contributor)
        except IntegrityError:
            pass  # a concurrent request from the same contributor got there first
    return Support.objects.filter(proposal=proposal).count()


def supported_by(contributor: str) -> set:
    """The ids of the ideas this contributor supports (to show "you support this")."""
    return set(
        Support.objects.filter(contributor=contributor).values_list("proposal_id", flat=True)
    )
