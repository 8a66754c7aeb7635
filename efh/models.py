"""The EFH section's models. Its page types, snippets and workflow task live in efh/pages/;
importing them here registers them with Django."""

from .pages import (
    ActionPlanPage,
    ActionPlanProposal,
    ActionPlanTheme,
    EFHIndexPage,
    GuidancePage,
    ReferralPathwayPage,
    SecondPersonApprovalTask,
    Topic,
)

__all__ = [
    "ActionPlanPage",
    "ActionPlanProposal",
    "ActionPlanTheme",
    "EFHIndexPage",
    "GuidancePage",
    "ReferralPathwayPage",
    "SecondPersonApprovalTask",
    "Topic",
]
