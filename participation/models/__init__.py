from .contributions import Contribution, ContributionQuerySet
from .exercises import Audience, ConcernKind, Exercise, ExerciseQuerySet
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
from .workshops import FacilitatorEntry, Workshop, WorkshopStatus

__all__ = [
    "Area",
    "Audience",
    "ConcernKind",
    "Contribution",
    "ContributionQuerySet",
    "Exercise",
    "ExerciseQuerySet",
    "FacilitatorEntry",
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
    "Workshop",
    "WorkshopStatus",
]
