from .details import (
    DAY_CODES,
    DAYS,
    Contact,
    CostOption,
    Frequency,
    Language,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
)
from .feedback import FeedbackKind, FeedbackStatus, ListingFeedback, ReportedDisclosure
from .locations import Accessibility, Address, Location, LocationType
from .organizations import Organization
from .services import (
    PUBLIC_STATUSES,
    Service,
    ServiceKind,
    ServiceStatus,
)
from .taxonomy import AUDIENCES, NEEDS, PLACE_TYPES, YOUTH_PROVISION, Taxonomy, TaxonomyTerm

__all__ = [
    "AUDIENCES",
    "DAYS",
    "DAY_CODES",
    "NEEDS",
    "PLACE_TYPES",
    "PUBLIC_STATUSES",
    "YOUTH_PROVISION",
    "Accessibility",
    "Address",
    "Contact",
    "CostOption",
    "FeedbackKind",
    "FeedbackStatus",
    "Frequency",
    "Language",
    "ListingFeedback",
    "ReportedDisclosure",
    "Location",
    "LocationType",
    "Organization",
    "Phone",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceKind",
    "ServiceStatus",
    "Taxonomy",
    "TaxonomyTerm",
]
