from .service_views import (
    PendingViewChange,
    Recommend,
    ServiceView,
    ServiceViewPublication,
    StandOut,
)
from .suggestions import Suggestion, SuggestionKind, SuggestionWho

__all__ = [
    "PendingViewChange",
    "Recommend",
    "ServiceView",
    "ServiceViewPublication",
    "StandOut",
    "Suggestion",
    "SuggestionKind",
    "SuggestionWho",
]
