from .exercises import Exercise
from .pins import Feeling, LocationSource, Pin, PinQuerySet, Reason, Receipt, TimeOfDay

__all__ = [
    "Exercise",
    "Feeling",
    "LocationSource",
    "Pin",
    "PinQuerySet",
    "Reason",
    "Receipt",
    "TimeOfDay",
]
