"""Admin-side parts of the EFH section: its snippets and the staff dashboard's review-due panel."""

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from efh.pages import ActionPlanTheme, Topic, pages_due_for_review

REVIEW_PANEL_LIMIT = 20


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ActionPlanThemeViewSet(SnippetViewSet):
    model = ActionPlanTheme
    icon = "list-ul"
    menu_label = "Action plan themes"
    list_display = ["name", "slug", "sort_order"]


class EFHSnippets(SnippetViewSetGroup):
    items = (TopicViewSet, ActionPlanThemeViewSet)
    menu_icon = "help"
    menu_label = "EFH section"
    menu_name = "efh"


register_snippet(EFHSnippets)


class ReviewDuePanel(Component):
    """Live EFH pages whose next review date has passed, among the pages this user may edit."""

    name = "efh_review_due"
    template_name = "efh/admin/review_due_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        pages = pages_due_for_review(pages=editable)
        return {
            "pages": pages[:REVIEW_PANEL_LIMIT],
            "more": max(0, len(pages) - REVIEW_PANEL_LIMIT),
        }


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(ReviewDuePanel())
