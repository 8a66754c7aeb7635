"""What the submission services share: receipts derived from the idempotency key, fingerprints,
photo files that must not outlive a failed submission, and the after-commit signal."""

import json
from dataclasses import dataclass

from django.db import transaction

from moderation.services import needs_immediate_help
from participation import receipt_types
from participation.codes import code_hash, keyed_hash, receipt_code
from participation.models import Pin, Proposal, Receipt
from participation.photos import delete_private_file, private_root
from participation.signals import contribution_committed

RECEIPT_ATTEMPTS = 8


@dataclass(frozen=True)
class Submitted:
    """What a submission service answers: the contribution, its receipt code, and whether this
    request created it (False: a replay of the same Idempotency-Key)."""

    kind: str
    id: str
    receipt: str
    created: bool

    def body(self) -> dict:
        # The stored answer of the contract: the same for the first reply and every replay.
        return {"id": self.id, "status": "pending", "receipt": self.receipt}

    @property
    def needs_immediate_help(self) -> bool:
        """Whether moderation's scan flagged it (read after the commit, when the scan has run).

        Never tell the contributor: the confirmation just shows immediate help prominently."""
        model = {"pin": Pin, "proposal": Proposal}.get(self.kind) or receipt_types.model_of(
            self.kind
        )
        item_id = model.objects.filter(pk=self.id).values_list("moderation_id", flat=True).first()
        return item_id is not None and needs_immediate_help(item_id)


def fingerprint(payload: dict) -> str:
    return keyed_hash("fingerprint", json.dumps(payload, sort_keys=True, default=str))


def new_receipt(scope: str, key: str) -> tuple[Receipt, int]:
    """A receipt whose code is derived from the idempotency key (see participation.codes)."""
    for attempt in range(RECEIPT_ATTEMPTS):
        digest = code_hash(receipt_code(scope, key, attempt))
        if not Receipt.objects.filter(code_hash=digest).exists():
            return Receipt.objects.create(code_hash=digest), attempt
    raise RuntimeError("no free receipt code")  # 8 collisions in ~2**30 codes: not in practice


def announce_after_commit(instance, kind: str) -> None:
    """`contribution_committed` once the transaction commits; nothing if it rolls back."""

    def send():
        contribution_committed.send_robust(sender=type(instance), instance=instance, kind=kind)

    transaction.on_commit(send, robust=True)


class PhotoFiles:
    """Photo files written during a submission, removed again if the submission fails."""

    def __init__(self):
        self.written: list[str] = []

    def add(self, relative: str) -> str:
        self.written.append(relative)
        return relative

    def discard(self) -> None:
        for relative in self.written:
            delete_private_file(private_root() / relative)
