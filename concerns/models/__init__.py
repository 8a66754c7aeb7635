from .assessments import LocationAssessment, SafetyAction
from .audit import ConcernAudit, ImmutableAuditError
from .publications import ActionPublication
from .reports import ConcernReport

__all__ = [
    "ActionPublication",
    "ConcernAudit",
    "ConcernReport",
    "ImmutableAuditError",
    "LocationAssessment",
    "SafetyAction",
]
