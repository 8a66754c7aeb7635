"""Registers the directory's admin: viewsets, the dashboard panel, and report resolution."""

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import FeedbackStatus, ListingFeedback, Service
from .services import resolve_feedback
from .viewsets import DirectoryGroup


class ReportsPermissionPolicy(ModelPermissionPolicy):
    """Reports come from the public form only: staff read, resolve and delete them, never add."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


# Registered before the viewsets, which would otherwise create a default policy.
register_permission_policy(ListingFeedback, ReportsPermissionPolicy(ListingFeedback))
register_snippet(DirectoryGroup)


class DirectoryReviewPanel(Component):
    """On the admin home page of anyone who edits the directory: what needs checking."""

    name = "directory_review"
    template_name = "services_directory/admin/review_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            {
                "due": Service.objects.needing_review().count(),
                "sinking": Service.objects.sinking().count(),
                "reports": ListingFeedback.objects.filter(status=FeedbackStatus.OPEN).count(),
            }
        )
        return context


@hooks.register("construct_homepage_panels")
def add_directory_review_panel(request, panels):
    if request.user.has_perm("services_directory.change_service"):
        panels.append(DirectoryReviewPanel())


@hooks.register("after_edit_snippet")
def record_who_resolved(request, instance):
    if isinstance(instance, ListingFeedback):
        resolve_feedback(instance, request.user)
