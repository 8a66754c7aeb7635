from .audit import DECISIONS, AuditAction, AuditEntry, ImmutableAuditError
from .items import (
    OPEN_STATUSES,
    PUBLIC,
    ModerationItem,
    ModerationItemQuerySet,
    ModerationStatus,
    RejectionReason,
    public_filter,
)
from .phrases import PHRASE_CATEGORIES, ScanPhrase
from .safeguarding import Outcome, Pathway, SafeguardingAlert, SafeguardingDecision

__all__ = [
    "DECISIONS",
    "OPEN_STATUSES",
    "PHRASE_CATEGORIES",
    "PUBLIC",
    "AuditAction",
    "AuditEntry",
    "ImmutableAuditError",
    "ModerationItem",
    "ModerationItemQuerySet",
    "ModerationStatus",
    "Outcome",
    "Pathway",
    "RejectionReason",
    "SafeguardingAlert",
    "SafeguardingDecision",
    "ScanPhrase",
    "public_filter",
]
