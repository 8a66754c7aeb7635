"""The admin of young people's views of services: the staff-edited list of what can stand out,
and the published views (read only: a publication is only ever taken by the rule).

Both are snippets on purpose: a saved snippet starts a new generation of the cached public pages
(website/page_cache_signals.py), so a service page shows a new publication at once."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ServiceViewPublication, StandOut


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff look; only coproduction/youth_views.py writes."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_any_permission(user, ["view"])


register_permission_policy(ServiceViewPublication, ReadOnlyPolicy(ServiceViewPublication))


class StandOutViewSet(SnippetViewSet):
    model = StandOut
    icon = "tick"
    menu_label = "What stood out (list)"
    list_display = ["label", "slug", "sort_order", "active"]
    ordering = ["sort_order", "label"]


class PublicationViewSet(SnippetViewSet):
    model = ServiceViewPublication
    icon = "view"
    menu_label = "Published views"
    list_display = ["service", "counts", "published_at"]
    ordering = ["-published_at"]
    inspect_view_enabled = True


class YoungPeoplesViewsGroup(SnippetViewSetGroup):
    items = (StandOutViewSet, PublicationViewSet)
    menu_icon = "group"
    menu_label = "Young people's views"
    menu_name = "young-peoples-views"


register_snippet(YoungPeoplesViewsGroup)
