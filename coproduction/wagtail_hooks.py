"""The admin of young people's views of services: the staff-edited list of what can stand out,
and the published views (read only: a publication is only ever taken by the rule).

Both are snippets on purpose: a saved snippet starts a new generation of the cached public pages
(website/page_cache_signals.py), so a service page shows a new publication at once."""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from staff.admin import PermissionMenuItem

from . import admin_views
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


# The partnership's figures and the Directory managers' quality assurance (admin_views.py).


urlpatterns = [
    path("figures/", admin_views.FiguresView.as_view(), name="figures"),
    path("figures/export/", admin_views.export_figures, name="export_figures"),
    path("quality/", admin_views.QualityIndexView.as_view(), name="quality"),
    path(
        "quality/<uuid:service_id>/",
        admin_views.QualityServiceView.as_view(),
        name="quality_service",
    ),
    path(
        "quality/responses/<int:pk>/approve/",
        admin_views.approve_response,
        name="approve_response",
    ),
]


@hooks.register("register_admin_urls")
def register_coproduction_urls():
    return [
        path(
            "asset-map/",
            include((urlpatterns, "coproduction_admin"), namespace="coproduction_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_figures_menu():
    return PermissionMenuItem(
        "Asset map figures",
        reverse("coproduction_admin:figures"),
        name="asset-map-figures",
        icon_name="group",
        order=460,
        permission=admin_views.VIEW_REPORTS,
    )


@hooks.register("register_admin_menu_item")
def register_quality_menu():
    return PermissionMenuItem(
        "Views: quality assurance",
        reverse("coproduction_admin:quality"),
        name="young-peoples-views-quality",
        icon_name="tick",
        order=461,
        permission=admin_views.VIEW_QUALITY,
    )
