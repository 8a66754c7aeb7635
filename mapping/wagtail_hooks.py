"""The partnership's community map pages in the admin, and a menu only those allowed can see."""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from staff.admin import PermissionMenuItem

from . import admin_views
from .permissions import VIEW_EXPORTS, VIEW_REPORTS

urlpatterns = [
    path("", admin_views.TrendsView.as_view(), name="trends"),
    path("compare/", admin_views.CompareView.as_view(), name="compare"),
    path("gaps/", admin_views.GapsView.as_view(), name="gaps"),
    path("exports/", admin_views.ExportLogView.as_view(), name="export_log"),
    path("export/<str:fmt>/", admin_views.export, name="export"),
    path("report/", admin_views.printable_report, name="report"),
]


@hooks.register("register_admin_urls")
def register_partnership_urls():
    return [
        path(
            "community-map/",
            include((urlpatterns, "mapping_partnership"), namespace="mapping_partnership"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_partnership_menu():
    items = [
        ("Trends", "trends", "history", VIEW_REPORTS),
        ("Compare rounds", "compare", "resubmit", VIEW_REPORTS),
        ("Provision gaps", "gaps", "warning", VIEW_REPORTS),
        ("Export log", "export_log", "list-ul", VIEW_EXPORTS),
    ]
    menu = Menu(
        items=[
            PermissionMenuItem(
                label,
                reverse(f"mapping_partnership:{name}"),
                name=f"community-map-{name}",
                icon_name=icon,
                order=order,
                permission=permission,
            )
            for order, (label, name, icon, permission) in enumerate(items)
        ]
    )
    return SubmenuMenuItem("Community map", menu, name="community-map", icon_name="site", order=450)
