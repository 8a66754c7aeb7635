"""The coordinators' queue of reports about places, and one report: link it to an assessment
(an open one, or a new one made from it), or close it with a reason. Opening a report is
audited."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.timesince import timesince
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic

from ..choices import REPORT_CATEGORY_LABELS, ReportStatus
from ..filters import ReportFilterSet
from ..forms import AssessmentForm, CloseReportForm, LinkReportForm
from ..models import ConcernReport
from ..services import close_report, create_assessment, link_report, open_report
from .common import (
    REPORTS_POLICY,
    CoordinatorView,
    Forbidden403Mixin,
    coordinators_only,
    render_again,
)


def received(report) -> str:
    waiting = timesince(report.created_at, timezone.now()).split(",")[0]
    return f"{timezone.localtime(report.created_at):%d %b %Y %H:%M} ({waiting} ago)"


def categories_label(report) -> str:
    labels = [REPORT_CATEGORY_LABELS.get(slug, slug) for slug in report.categories]
    return ", ".join(labels) or "Not given"


class QueueView(Forbidden403Mixin, generic.IndexView):
    model = ConcernReport
    permission_policy = REPORTS_POLICY
    any_permission_required = None
    permission_required = "change"
    page_title = "Reports about places"
    header_icon = "warning"
    paginate_by = 50
    default_ordering = "-created_at"
    filterset_class = ReportFilterSet
    template_name = "concerns/admin/queue.html"
    index_url_name = "concerns_reports:index"
    index_results_url_name = "concerns_reports:index_results"

    def get_base_queryset(self):
        return ConcernReport.objects.select_related("named_place", "assessment")

    def filter_queryset(self, queryset):
        # New reports only unless the coordinator chose a status.
        queryset = super().filter_queryset(queryset)
        if not self.request.GET.get("status"):
            queryset = queryset.filter(status=ReportStatus.NEW)
        return queryset

    @property
    def columns(self):
        return [
            TitleColumn(
                "place_type",
                label="Kind of place",
                url_name="concerns_reports:report",
                accessor="get_place_type_display",
            ),
            Column("where", label="Where", accessor="where_label"),
            Column("categories", label="What is happening", accessor=categories_label),
            Column("reporter", label="From", accessor="get_reporter_display"),
            Column("created_at", label="Received", sort_key="created_at", accessor=received),
            Column("status", label="Status", accessor="get_status_display"),
        ]


class ReportView(CoordinatorView):
    template_name = "concerns/admin/report.html"
    page_title = "A report about a place"
    header_icon = "warning"
    kept = ("report",)

    def get(self, request, *args, **kwargs):
        self.report = get_object_or_404(
            ConcernReport.objects.select_related("named_place", "assessment", "decided_by"),
            pk=kwargs["pk"],
        )
        open_report(self.report, request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        context.update(
            report=report,
            categories=categories_label(report),
            link_form=kwargs.get("link_form") or LinkReportForm(),
            close_form=kwargs.get("close_form") or CloseReportForm(),
            assessment_form=kwargs.get("assessment_form")
            or AssessmentForm(
                initial={"title": report.where_label, "place": report.named_place_id},
                prefix="new",
            ),
        )
        return context


def _report(pk):
    return get_object_or_404(ConcernReport, pk=pk)


@coordinators_only
@require_POST
def link(request, pk):
    report = _report(pk)
    form = LinkReportForm(request.POST)
    if not form.is_valid():
        return render_again(ReportView, request, report=report, link_form=form)
    link_report(report, form.cleaned_data["assessment"], request.user)
    messages.success(request, f"Added to the assessment “{form.cleaned_data['assessment']}”.")
    return redirect("concerns_reports:index")


@coordinators_only
@require_POST
def new_assessment(request, pk):
    report = _report(pk)
    form = AssessmentForm(request.POST, prefix="new")
    if not form.is_valid():
        return render_again(ReportView, request, report=report, assessment_form=form)
    assessment = create_assessment(request.user, report=report, **form.cleaned_data)
    messages.success(request, f"Assessment “{assessment}” opened with this report.")
    return redirect("concerns_assessments:detail", assessment.pk)


@coordinators_only
@require_POST
def close(request, pk):
    report = _report(pk)
    form = CloseReportForm(request.POST)
    if not form.is_valid():
        return render_again(ReportView, request, report=report, close_form=form)
    close_report(report, form.cleaned_data["reason"], form.cleaned_data["note"], request.user)
    messages.success(request, "Report closed.")
    return redirect("concerns_reports:index")
