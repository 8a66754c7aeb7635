from .contributions import Contribution, ContributionQuerySet
from .idempotency import IdempotencyRecord, IdempotencyState
from .pins import Feeling, LocationSource, Pin, PinQuerySet, Reason, TimeOfDay
from .proposals import (
    Area,
    Outcome,
    ProgressNote,
    Proposal,
    ProposalKind,
    ProposalWhen,
    ResponseStatus,
    Support,
)
from .receipts import Receipt

__all__ = [
    "Area",
    "Contribution",
    "ContributionQuerySet",
    "Feeling",
    "IdempotencyRecord",
    "IdempotencyState",
    "LocationSource",
    "Outcome",
    "Pin",
    "PinQuerySet",
    "ProgressNote",
    "Proposal",
    "ProposalKind",
    "ProposalWhen",
    "Reason",
    "Receipt",
    "ResponseStatus",
    "Support",
    "TimeOfDay",
]
