"""Looking up and deleting contributions by receipt code: the only way back to them."""

from dataclasses import dataclass, field

from django.db import transaction

from moderation.models import ModerationStatus
from participation import limits, receipt_types
from participation.codes import code_hash, normalise_code
from participation.models import Pin, Proposal, Receipt
from participation.presenters import present


class ReceiptNotFound(Exception):
    message = (
        "We could not find anything with that code. Check it and try again: codes look like "
        "maple-otter-kite-48."
    )


# What a young person is told, never more: a flagged item is simply still waiting.
# "pending" is the contract's word, as in the answer to a submission (services/common.py).
WAITING, PUBLISHED, NOT_PUBLISHED = "pending", "published", "not-published"
STATUS_LABELS = {
    WAITING: "Waiting to be checked",
    PUBLISHED: "Published",
    NOT_PUBLISHED: "Not published",
}


def public_status(item) -> str:
    if item is None or item.status in (ModerationStatus.PENDING, ModerationStatus.ESCALATED):
        return WAITING
    if item.is_public:
        return PUBLISHED
    if item.status == ModerationStatus.APPROVED:
        # Approved but flagged cannot be stored (a constraint); were it, it would still wait.
        return WAITING
    return NOT_PUBLISHED


@dataclass
class ContributionStatus:
    kind: str
    id: str
    status: str
    created_at: object
    summary: str
    note: str = ""  # moderation's note to the contributor
    answer: dict = field(default_factory=dict)  # the partnership's answer to an idea

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "status": self.status,
            "created": self.created_at.date().isoformat(),
            "summary": self.summary,
            "note": self.note,
            "answer": self.answer or None,
        }


def find_receipt(code: str, *, address: str | None = None) -> Receipt:
    """The receipt behind a code typed by someone; raises ReceiptNotFound or RateLimited."""
    limits.check("receipt", address=address)
    normalised = normalise_code(code)
    receipt = (
        Receipt.objects.filter(code_hash=code_hash(normalised)).first() if normalised else None
    )
    if receipt is None:
        raise ReceiptNotFound()
    return receipt


def _pin_status(pin: Pin) -> ContributionStatus:
    where = f" at {pin.place.name}" if pin.place_id else " on the map"
    return ContributionStatus(
        kind="pin",
        id=str(pin.pk),
        status=public_status(pin.moderation),
        created_at=pin.created_at,
        summary=f"A place that feels {pin.get_feeling_display().lower()}{where}",
        note=pin.moderation.response if pin.moderation else "",
    )


def _proposal_status(proposal: Proposal) -> ContributionStatus:
    status = public_status(proposal.moderation)
    # The partnership's answer, as the public sees it, once the idea is published.
    answer = present(proposal).as_json()["response"] if status == PUBLISHED else {}
    return ContributionStatus(
        kind="proposal",
        id=str(proposal.pk),
        status=status,
        created_at=proposal.created_at,
        summary=f"An idea: {proposal.get_what_display().lower()} ({proposal.where_label})",
        note=proposal.moderation.response if proposal.moderation else "",
        answer=answer,
    )


def receipt_statuses(receipt: Receipt) -> list[ContributionStatus]:
    pins = receipt.pins.select_related("moderation", "place")
    proposals = receipt.proposals.select_related("moderation", "place").prefetch_related(
        "progress_notes"
    )
    others = [
        kind.status(contribution)
        for kind in receipt_types.registered()
        for contribution in getattr(receipt, kind.related_name).select_related("moderation")
    ]
    return [*map(_pin_status, pins), *map(_proposal_status, proposals), *others]


def delete_receipt(receipt: Receipt) -> int:
    """Deletes every contribution behind a receipt for good (photos included) and the receipt."""
    with transaction.atomic():
        contributions = [
            *receipt.pins.all(),
            *receipt.proposals.all(),
            *(
                c
                for k in receipt_types.registered()
                for c in getattr(receipt, k.related_name).all()
            ),
        ]
        for contribution in contributions:
            contribution.delete_for_good()
        Receipt.objects.filter(pk=receipt.pk).delete()
    return len(contributions)
