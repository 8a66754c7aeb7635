"""The admin pages of the asset map made with young people: the partnership's figures (and their
audited CSV), and the Directory managers' quality assurance of services with a view."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.outcomes import AREA_CHOICES
from services_directory.models import Service
from staff.admin import PermissionRequiredMixin, permission_required

from . import partnership, quality
from .models import ProviderResponse, ServiceViewPublication

VIEW_REPORTS = "coproduction.view_asset_map_reports"
EXPORT_REPORTS = "coproduction.export_asset_map_reports"
VIEW_QUALITY = "coproduction.view_providerresponse"
ADD_RESPONSE = "coproduction.add_providerresponse"


class FiguresView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = VIEW_REPORTS
    page_title = "Asset map: figures by area and month"
    header_icon = "group"
    template_name = "coproduction/admin/figures.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=partnership.monthly_rows(),
            can_export=self.request.user.has_perm(EXPORT_REPORTS),
            min_contributors=settings.MAP_MIN_CONTRIBUTORS,
            rounding=settings.MAP_COUNT_ROUNDING,
        )
        return context


@permission_required(EXPORT_REPORTS)
@require_POST
def export_figures(request):
    return partnership.export(request.user)


class ResponseForm(forms.Form):
    changed = forms.CharField(
        label="What the provider changed",
        max_length=1200,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the provider changed."},
    )
    publish = forms.BooleanField(label="Propose it for You said, we did", required=False)
    area = forms.ChoiceField(label="Part of the city", choices=AREA_CHOICES, required=False)
    you_said = forms.CharField(
        label="You said (in brief, your own words)", max_length=600, required=False
    )
    we_did = forms.CharField(label="We did", max_length=1200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("publish"):
            for name in ("area", "you_said", "we_did"):
                if not (data.get(name) or "").strip():
                    self.add_error(name, "Needed for You said, we did.")
        return data


class QualityIndexView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = VIEW_QUALITY
    page_title = "Young people's views: quality assurance"
    header_icon = "group"
    template_name = "coproduction/admin/quality_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["publications"] = ServiceViewPublication.objects.exclude(
            published_at=None
        ).select_related("service")
        return context


class QualityServiceView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = VIEW_QUALITY
    header_icon = "group"
    template_name = "coproduction/admin/quality_service.html"

    def dispatch(self, request, *args, **kwargs):
        self.service = get_object_or_404(Service, pk=kwargs["service_id"])
        self.page_title = f"Young people's view: {self.service.name}"
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_RESPONSE):
            return self.get(request, *args, **kwargs)
        form = ResponseForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            publish = (
                {k: data[k] for k in ("area", "you_said", "we_did")} if data["publish"] else None
            )
            quality.record_response(
                self.service, request.user, changed=data["changed"], publish=publish
            )
            messages.success(request, "The provider's response is recorded.")
            return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            service=self.service,
            trend=quality.trend(self.service),
            comments=quality.approved_comments(self.service),
            responses=[
                (r, quality.may_approve(r, self.request.user))
                for r in ProviderResponse.objects.filter(service=self.service)
            ],
            can_respond=self.request.user.has_perm(ADD_RESPONSE),
        )
        context.setdefault("form", ResponseForm())
        return context


@permission_required(ADD_RESPONSE)
@require_POST
def approve_response(request, pk):
    response = get_object_or_404(ProviderResponse, pk=pk)
    try:
        quality.approve_response(response, request.user)
        messages.success(request, "It is on You said, we did.")
    except quality.PublicationRefused as refused:
        messages.error(request, refused.message)
    return redirect(reverse("coproduction_admin:quality_service", args=[response.service_id]))
