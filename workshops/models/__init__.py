from .exercises import Audience, ConcernKind, Exercise, ExerciseAsks, ExerciseQuerySet
from .workshops import FacilitatorEntry, Workshop, WorkshopStatus

__all__ = [
    "Audience",
    "ConcernKind",
    "Exercise",
    "ExerciseAsks",
    "ExerciseQuerySet",
    "FacilitatorEntry",
    "Workshop",
    "WorkshopStatus",
]
