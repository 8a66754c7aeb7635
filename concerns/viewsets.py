"""Places of concern in the Wagtail admin: one "Places of concern" menu, shown to Contextual
safeguarding coordinators only, apart from young people's moderation."""

from django.urls import path

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from .permissions import can_coordinate
from .views import assessments, audit, profile, reports


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_coordinate(request.user)


class CoordinatorViewSet(ViewSet):
    def get_menu_item(self, order=None):
        return CoordinatorMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )

    def index_patterns(self, view_class):
        kwargs = {
            "index_url_name": f"{self.name}:index",
            "index_results_url_name": f"{self.name}:index_results",
        }
        return [
            path("", view_class.as_view(**kwargs), name="index"),
            path("results/", view_class.as_view(results_only=True, **kwargs), name="index_results"),
        ]


class ReportsViewSet(CoordinatorViewSet):
    name = "concerns_reports"
    url_prefix = "places-of-concern/reports"
    icon = "warning"
    menu_label = "Reports about places"

    def get_urlpatterns(self):
        return [
            *self.index_patterns(reports.QueueView),
            path("<uuid:pk>/", reports.ReportView.as_view(), name="report"),
            path("<uuid:pk>/link/", reports.link, name="link"),
            path("<uuid:pk>/new-assessment/", reports.new_assessment, name="new_assessment"),
            path("<uuid:pk>/close/", reports.close, name="close"),
        ]


class AssessmentsViewSet(CoordinatorViewSet):
    name = "concerns_assessments"
    url_prefix = "places-of-concern/assessments"
    icon = "site"
    menu_label = "Location assessments"

    def get_urlpatterns(self):
        return [
            *self.index_patterns(assessments.AssessmentIndexView),
            path("new/", assessments.NewAssessmentView.as_view(), name="new"),
            path("<int:pk>/", assessments.AssessmentView.as_view(), name="detail"),
            path("<int:pk>/edit/", assessments.edit, name="edit"),
            path("<int:pk>/actions/", assessments.new_action, name="new_action"),
            path("<int:pk>/print/", assessments.PrintView.as_view(), name="print"),
        ]


class ProfileViewSet(CoordinatorViewSet):
    name = "concerns_profile"
    url_prefix = "places-of-concern/profile"
    icon = "doc-full"
    menu_label = "Problem profile"

    def get_urlpatterns(self):
        return [
            path("", profile.ProfileView.as_view(), name="index"),
            path("problem-profile.csv", profile.export_csv, name="csv"),
            path("problem-profile.geojson", profile.export_geojson, name="geojson"),
        ]


class AuditViewSet(CoordinatorViewSet):
    name = "concerns_audit"
    url_prefix = "places-of-concern/audit"
    icon = "history"
    menu_label = "Places of concern audit"

    def get_urlpatterns(self):
        return self.index_patterns(audit.AuditIndexView)


class ConcernsGroup(ViewSetGroup):
    menu_label = "Places of concern"
    menu_icon = "warning"
    menu_name = "places-of-concern"
    menu_order = 160
    items = (ReportsViewSet, AssessmentsViewSet, ProfileViewSet, AuditViewSet)
