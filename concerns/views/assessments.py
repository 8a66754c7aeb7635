"""Location assessments: the list, one assessment (its reports, its safety plan, its review
date), a new one, and the plan printed for the partnership meeting (A4). Every opening and every
print is audited."""

from django.conf import settings
from django.shortcuts import get_object_or_404

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from mapping.around import cells_around, gaps_in_area
from participation.outcomes import AREA_CHOICES, area_of

from .. import audit
from ..choices import REPORT_CATEGORY_LABELS, AuditAction
from ..forms import (
    ActionForm,
    ActionRagForm,
    ApprovePublicationForm,
    AssessmentForm,
    ProposePublicationForm,
)
from ..models import ActionPublication, LocationAssessment
from ..permissions import ADD_ASSESSMENT, CHANGE_ASSESSMENT
from ..services import (
    PublicationRefused,
    add_action,
    approve_publication,
    change_assessment,
    create_assessment,
    may_approve,
    propose_publication,
    set_action_rag,
)
from .common import Action, CoordinatorView, decide


class AssessmentIndexView(generic.IndexView):
    model = LocationAssessment
    permission_policy = ModelPermissionPolicy(LocationAssessment)
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
    permission_required = CHANGE_ASSESSMENT
    template_name = "concerns/admin/assessment.html"
    header_icon = "site"
    audit_action = AuditAction.OPENED_ASSESSMENT
    kept = ("assessment",)
    record = staticmethod(assessment_or_404)

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
            rag_form=kwargs.get("rag_form") or ActionRagForm(prefix="rag", assessment=assessment),
            propose_form=kwargs.get("propose_form")
            or ProposePublicationForm(prefix="publish", assessment=assessment),
            approve_form=kwargs.get("approve_form"),
            publications=[
                (publication, may_approve(publication, self.request.user))
                for publication in ActionPublication.objects.filter(
                    action__assessment=assessment
                ).select_related("action", "proposed_by", "approved_by")
            ],
            **published_map_around(assessment),
        )
        return context


def published_map_around(assessment: LocationAssessment) -> dict:
    """What young people's published map says around the place, and the provision gaps of its
    part of the city: aggregates only, exactly as published (mapping/around.py)."""
    if assessment.place is None:
        return {"map_cells": None, "gaps": None, "area_label": ""}
    area = area_of(assessment.place)
    return {
        "map_cells": cells_around(assessment.place.position, settings.CONCERNS_MAP_AROUND_MILES),
        "map_miles": settings.CONCERNS_MAP_AROUND_MILES,
        "gaps": gaps_in_area(area),
        "area_label": dict(AREA_CHOICES)[area],
    }


class PrintView(AssessmentView):
    """The plan for the meeting: the same record, laid out for A4 by print CSS."""

    template_name = "concerns/admin/assessment_print.html"
    audit_action = AuditAction.PRINTED


class NewAssessmentView(CoordinatorView):
    permission_required = ADD_ASSESSMENT
    template_name = "concerns/admin/assessment_new.html"
    page_title = "New location assessment"
    header_icon = "site"
    kept = ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or AssessmentForm()
        return context

    def post(self, request, *args, **kwargs):
        def act(data):
            assessment = create_assessment(request.user, **data)
            return _done(f"Assessment “{assessment}” opened.", assessment)

        return decide(request, NewAssessmentView, "form", AssessmentForm(request.POST), act)


def _done(message, assessment):
    return message, "concerns_assessments:detail", assessment.pk


def _edit(request, assessment, data):
    change_assessment(assessment, request.user, **data)
    return _done("Assessment saved.", assessment)


def _new_action(request, assessment, data):
    add_action(assessment, request.user, **data)
    return _done("Action added to the safety plan.", assessment)


edit = Action(
    AssessmentView,
    "edit_form",
    # A fresh copy: a refused form must not change the record the page shows again.
    lambda request, a: AssessmentForm(
        request.POST, instance=LocationAssessment.objects.get(pk=a.pk)
    ),
    _edit,
).view()
new_action = Action(
    AssessmentView,
    "action_form",
    lambda request, _: ActionForm(request.POST, prefix="action"),
    _new_action,
).view()


def _rag(request, assessment, data):
    set_action_rag(data["action"], data["rag"], request.user)
    return _done("Action updated.", assessment)


def _propose(request, assessment, data):
    try:
        propose_publication(
            data["action"],
            request.user,
            area=data["area"],
            you_said=data["you_said"],
            we_did=data["we_did"],
        )
    except PublicationRefused as refused:
        return _done(str(refused), assessment)
    return _done("Proposed: a second coordinator approves it before it is published.", assessment)


def _approve(request, assessment, data):
    try:
        approve_publication(data["publication"], request.user)
    except PublicationRefused as refused:
        # A race the form could not see (another coordinator approved a moment ago).
        return _done(str(refused), assessment)
    return _done("Approved and published on “You said, we did”.", assessment)


set_rag = Action(
    AssessmentView,
    "rag_form",
    lambda request, a: ActionRagForm(request.POST, prefix="rag", assessment=a),
    _rag,
).view()
propose = Action(
    AssessmentView,
    "propose_form",
    lambda request, a: ProposePublicationForm(request.POST, prefix="publish", assessment=a),
    _propose,
).view()
approve = Action(
    AssessmentView,
    "approve_form",
    lambda request, a: ApprovePublicationForm(
        request.POST, prefix="approve", assessment=a, user=request.user
    ),
    _approve,
).view()
