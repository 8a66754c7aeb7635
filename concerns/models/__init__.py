from .assessments import LocationAssessment, SafetyAction
from .audit import ConcernAudit, ImmutableAuditError
from .reports import ConcernReport

__all__ = [
    "ConcernAudit",
    "ConcernReport",
    "ImmutableAuditError",
    "LocationAssessment",
    "SafetyAction",
]
