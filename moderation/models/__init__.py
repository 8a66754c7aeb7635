from .audit import DECISIONS, AuditAction, AuditEntry, ImmutableAuditError
from .items import (
    OPEN_STATUSES,
    PUBLIC,
    ModerationItem,
    ModerationItemQuerySet,
    ModerationStatus,
    RejectionReason,
    RiskLevel,
    public_filter,
)
from .phrases import PHRASE_CATEGORIES, ScanPhrase
from .safeguarding import AlertKind, Outcome, Pathway, SafeguardingAlert, SafeguardingDecision
from .teaching import StaffExample
from .wellbeing import Reveal

__all__ = [
    "DECISIONS",
    "AlertKind",
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
    "Reveal",
    "RiskLevel",
    "SafeguardingAlert",
    "SafeguardingDecision",
    "ScanPhrase",
    "public_filter",
    "StaffExample",
]
