from .assessments import LocationAssessment, SafetyAction
from .audit import ConcernAudit, ImmutableAuditError
from .publications import ActionPublication
from .reports import ConcernReport, ReportCategory, category_rows, month_of

__all__ = [
    "ActionPublication",
    "ConcernAudit",
    "ConcernReport",
    "ImmutableAuditError",
    "LocationAssessment",
    "ReportCategory",
    "SafetyAction",
    "category_rows",
    "month_of",
]
