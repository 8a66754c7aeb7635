from .audit import DECISIONS, AuditAction, AuditEntry, ImmutableAuditError
from .items import (
    OPEN_STATUSES,
    ModerationItem,
    ModerationItemQuerySet,
    ModerationStatus,
    RejectionReason,
    RiskLevel,
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
    "StaffExample",
]
