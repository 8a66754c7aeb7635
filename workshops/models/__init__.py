from .exercises import Audience, ConcernKind, Exercise, ExerciseQuerySet
from .workshops import FacilitatorEntry, Workshop, WorkshopStatus

__all__ = [
    "Audience",
    "ConcernKind",
    "Exercise",
    "ExerciseQuerySet",
    "FacilitatorEntry",
    "Workshop",
    "WorkshopStatus",
]
