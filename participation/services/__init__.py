"""participation's use cases. Each creates in one transaction and notifies after the commit."""

from .common import Submitted
from .idempotency import (
    IdempotencyError,
    InProgress,
    InvalidKey,
    KeyReused,
    MissingKey,
    parse_key,
)
from .pins import PinSubmission, create_pin, submit_pin
from .proposals import (
    ProposalSubmission,
    create_proposal,
    submit_proposal,
    support_proposal,
    supported_by,
)
from .receipts import ReceiptNotFound, delete_receipt, find_receipt, receipt_statuses

__all__ = [
    "IdempotencyError",
    "InProgress",
    "InvalidKey",
    "KeyReused",
    "MissingKey",
    "PinSubmission",
    "ProposalSubmission",
    "ReceiptNotFound",
    "Submitted",
    "create_pin",
    "create_proposal",
    "delete_receipt",
    "find_receipt",
    "parse_key",
    "receipt_statuses",
    "submit_pin",
    "submit_proposal",
    "support_proposal",
    "supported_by",
]
