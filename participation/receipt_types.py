"""Contribution types of apps above participation that a receipt also covers.

Such an app (coproduction) builds on participation, so participation never imports it: the app
registers its type when it is ready, and receipts list, check and delete its contributions too."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReceiptType:
    kind: str  # the moderation kind, as in Submitted.kind
    model: type  # the contribution model; its receipt foreign key has `related_name`
    related_name: str
    status: Callable  # contribution -> services.receipts.ContributionStatus


_types: dict[str, ReceiptType] = {}


def register(receipt_type: ReceiptType) -> None:
    _types[receipt_type.kind] = receipt_type


def registered() -> tuple[ReceiptType, ...]:
    return tuple(_types.values())


def model_of(kind: str) -> type | None:
    found = _types.get(kind)
    return found.model if found else None
