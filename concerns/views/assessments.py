"""Location assessments: the list, one assessment (its reports, its safety plan, its review
date), a new one, and the plan printed for the partnership meeting (A4). Every opening and every
print is audited."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from .. import audit
from ..choices import REPORT_CATEGORY_LABELS, AuditAction
from ..forms import ActionForm, AssessmentForm
from ..models import LocationAssessment
from ..services import add_action, change_assessment, create_assessment
from .common import CoordinatorView, Forbidden403Mixin, coordinators_only, render_again

ASSESSMENTS_POLICY = ModelPermissionPolicy(LocationAssessment)


class AssessmentIndexView(Forbidden403Mixin, generic.IndexView):
    model = LocationAssessment
    permission_policy = ASSESSMENTS_POLICY
    any_permission_required = None
    permission_required = "change"
    page_title = "Location assessments"
    header_icon = "site"
    paginate_by = 50
    template_name = "concerns/admin/assessments.html"
    index_url_name = "concerns_assessments:index"
    index_results_url_name = "concerns_assessments:index_results"
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return LocationAssessment.objects.select_related("place", "coordinator")

    @property
    def columns(self):
        return [
            TitleColumn("title", label="Place", url_name="concerns_assessments:detail"),
            Column("area", label="Area", accessor=lambda a: a.place.area if a.place else ""),
            Column("status", label="Status", accessor="get_status_display"),
            Column("review_date", label="Review date", sort_key="review_date"),
            Column("coordinator", label="Coordinator"),
        ]


def assessment_or_404(pk) -> LocationAssessment:
    return get_object_or_404(
        LocationAssessment.objects.select_related("place", "coordinator"), pk=pk
    )


class AssessmentView(CoordinatorView):
    permission_policy = ASSESSMENTS_POLICY
    template_name = "concerns/admin/assessment.html"
    header_icon = "site"
    audit_action = AuditAction.OPENED_ASSESSMENT
    kept = ("assessment",)

    def get(self, request, *args, **kwargs):
        self.assessment = assessment_or_404(kwargs["pk"])
        audit.record(self.audit_action, actor=request.user, assessment=self.assessment)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return f"Location assessment: {self.assessment}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = self.assessment
        reports = assessment.reports.select_related("named_place").order_by("created_at")
        context.update(
            assessment=assessment,
            reports=[
                (
                    report,
                    ", ".join(REPORT_CATEGORY_LABELS.get(c, c) for c in report.categories),
                )
                for report in reports
            ],
            actions=assessment.actions.all(),
            edit_form=kwargs.get("edit_form") or AssessmentForm(instance=assessment),
            action_form=kwargs.get("action_form") or ActionForm(prefix="action"),
        )
        return context


class PrintView(AssessmentView):
    """The plan for the meeting: the same record, laid out for A4 by print CSS."""

    template_name = "concerns/admin/assessment_print.html"
    audit_action = AuditAction.PRINTED


class NewAssessmentView(CoordinatorView):
    permission_policy = ASSESSMENTS_POLICY
    permission_required = "add"
    template_name = "concerns/admin/assessment_new.html"
    page_title = "New location assessment"
    header_icon = "site"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or AssessmentForm()
        return context

    def post(self, request, *args, **kwargs):
        form = AssessmentForm(request.POST)
        if not form.is_valid():
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 400
            return response
        assessment = create_assessment(request.user, **form.cleaned_data)
        messages.success(request, f"Assessment “{assessment}” opened.")
        return redirect("concerns_assessments:detail", assessment.pk)


@coordinators_only
@require_POST
def edit(request, pk):
    assessment = assessment_or_404(pk)
    form = AssessmentForm(request.POST, instance=LocationAssessment.objects.get(pk=pk))
    if not form.is_valid():
        return render_again(AssessmentView, request, assessment=assessment, edit_form=form)
    change_assessment(assessment, request.user, **form.cleaned_data)
    messages.success(request, "Assessment saved.")
    return redirect("concerns_assessments:detail", assessment.pk)


@coordinators_only
@require_POST
def new_action(request, pk):
    assessment = assessment_or_404(pk)
    form = ActionForm(request.POST, prefix="action")
    if not form.is_valid():
        return render_again(AssessmentView, request, assessment=assessment, action_form=form)
    add_action(assessment, request.user, **form.cleaned_data)
    messages.success(request, "Action added to the safety plan.")
    return redirect("concerns_assessments:detail", assessment.pk)
