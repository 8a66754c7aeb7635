"""The page types of the EFH section and what they share. efh/models.py re-exports them."""

from .action_plan import ActionPlanPage, ActionPlanProposal, ActionPlanTheme, RAGStatus
from .approval import SecondPersonApprovalTask
from .common import Audience, pages_due_for_review
from .efh_index import EFHIndexPage
from .guidance import GuidancePage
from .pathway import ReferralPathwayPage
from .topics import Topic

__all__ = [
    "ActionPlanPage",
    "ActionPlanProposal",
    "ActionPlanTheme",
    "Audience",
    "EFHIndexPage",
    "GuidancePage",
    "RAGStatus",
    "ReferralPathwayPage",
    "SecondPersonApprovalTask",
    "Topic",
    "pages_due_for_review",
]
