from .quality import ProviderResponse, ResponseStatus
from .service_views import (
    PendingViewChange,
    PublishedViewState,
    Recommend,
    ServiceView,
    ServiceViewPublication,
    StandOut,
)
from .suggestions import Suggestion, SuggestionKind, SuggestionWho

__all__ = [
    "PendingViewChange",
    "ProviderResponse",
    "PublishedViewState",
    "ResponseStatus",
    "Recommend",
    "ServiceView",
    "ServiceViewPublication",
    "StandOut",
    "Suggestion",
    "SuggestionKind",
    "SuggestionWho",
]
