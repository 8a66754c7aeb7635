"""Places of concern in the Wagtail admin: one "Places of concern" menu, shown to Contextual
safeguarding coordinators only, apart from young people's moderation."""

from django.urls import path

from wagtail.admin.viewsets.base import ViewSetGroup

from staff.admin import PermissionViewSet

from .permissions import COORDINATE
from .views import assessments, audit, profile, reports


class CoordinatorViewSet(PermissionViewSet):
    # The permission only the Contextual safeguarding coordinators hold (staff/roles.py).
    permission = COORDINATE


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
            path("<int:pk>/actions/rag/", assessments.set_rag, name="set_rag"),
            path("<int:pk>/publish/", assessments.propose, name="propose"),
            path("<int:pk>/publish/approve/", assessments.approve, name="approve"),
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
