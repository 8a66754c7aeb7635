"""The fixed vocabularies of a report and an assessment."""

from django.db import models

from moderation.scanner import CATEGORIES

# What is happening: the scan's EFH categories, so reports and young people's words are counted
# alike. "Immediate danger" is left out: a child at risk now goes to 999 or First Response, never
# to a form read in office hours.
REPORT_CATEGORIES = [(slug, label) for slug, label in CATEGORIES if slug != "immediate-danger"]
REPORT_CATEGORY_LABELS = dict(REPORT_CATEGORIES)


class Reporter(models.TextChoices):
    PROFESSIONAL = "professional", "A professional (I work with children or young people)"
    PARENT = "parent", "A parent or carer"
    COMMUNITY = "community", "A member of the community"


class PlaceType(models.TextChoices):
    PARK = "park", "Park or open space"
    TRANSPORT = "transport-hub", "Transport hub (station, bus station, stop)"
    TAKEAWAY = "takeaway", "Takeaway or fast-food outlet"
    HOTEL = "hotel", "Hotel or short-let"
    LICENSED = "licensed", "Licensed premises (pub, bar, club, shop selling alcohol)"
    PRIVATE = "private-address", "Private address"
    ONLINE = "online", "Online space (a group, a game, an app)"
    OTHER = "other", "Somewhere else"


class ReportStatus(models.TextChoices):
    NEW = "new", "New"
    LINKED = "linked", "Linked to an assessment"
    CLOSED = "closed", "Closed"


class CloseReason(models.TextChoices):
    DUPLICATE = "duplicate", "Already known: the same as another report"
    INDIVIDUAL = "individual", "About one child: referred to First Response"
    OUT_OF_AREA = "out-of-area", "Outside Bristol: passed to the right partnership"
    NOT_ENOUGH = "not-enough", "Not enough to act on"
    NOT_A_CONCERN = "not-a-concern", "Not a safeguarding concern"


class AssessmentStatus(models.TextChoices):
    OPEN = "open", "Open"
    UNDER_ASSESSMENT = "under-assessment", "Under assessment"
    PLAN_AGREED = "plan-agreed", "Safety plan agreed"
    MONITORING = "monitoring", "Monitoring"
    CLOSED = "closed", "Closed"


class Rag(models.TextChoices):
    RED = "red", "Red: not on track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"
    DONE = "done", "Completed"


class PublicationStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for a second coordinator"
    PUBLISHED = "published", "Published on You said, we did"


class AuditAction(models.TextChoices):
    RECEIVED = "received", "Report received"
    OPENED_REPORT = "opened-report", "Report opened"
    LINKED = "linked", "Report linked to an assessment"
    CLOSED = "closed", "Report closed"
    OPENED_ASSESSMENT = "opened-assessment", "Assessment opened"
    CREATED_ASSESSMENT = "created-assessment", "Assessment created"
    CHANGED_ASSESSMENT = "changed-assessment", "Assessment changed"
    PRINTED = "printed", "Assessment printed"
    EXPORTED = "exported", "Exported"
    PROPOSED = "proposed", "Publication to You said, we did proposed"
    APPROVED = "approved", "Publication approved by a second coordinator"
    PUBLISHED = "published", "Published on You said, we did"
    REMINDED = "reminded", "Review reminder sent"
    DELETED = "deleted", "Report deleted (retention)"
    TEXT_DROPPED = "text-dropped", "Report text removed (retention)"
