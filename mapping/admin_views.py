"""The partnership's view of the community map, in the Wagtail admin (Partnership analysts).

Every page here reads published aggregates only (see partnership.py): an analyst sees what the
public map could show, never a pin. Exports are POSTed (CSRF-protected, so nobody can make an
analyst's browser record one) and each is written to the audit with the file."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from staff.admin import PermissionRequiredMixin, permission_required
from workshops.models import Exercise

from . import exports, extensions, gaps, partnership, report
from .models import ExportFormat, MapExport
from .permissions import EXPORT, VIEW_EXPORTS, VIEW_REPORTS
from .scale import BANDS
from .selection import Selection, SelectionError, last_released_month, parse_selection
from .views import filter_choices


class PartnershipView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = VIEW_REPORTS
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("mapping_partnership:trends"), "label": "Community map"},
            {"url": "", "label": self.page_title},
        ]

    def selection(self) -> tuple[Selection, list[dict]]:
        try:
            return parse_selection(self.request.GET), []
        except SelectionError as error:
            return Selection(), error.errors

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selection, errors = self.selection()
        context.update(filter_choices(selection))
        context.update(
            {
                "selection": selection,
                "errors": errors,
                "query_string": urlencode(selection.as_query()),
                "can_export": self.request.user.has_perm(EXPORT),
                "min_contributors": settings.MAP_MIN_CONTRIBUTORS,
                "bands": BANDS,
            }
        )
        return context


class TrendsView(PartnershipView):
    page_title = "Community map: trends"
    template_name = "mapping/admin/trends.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["trends"] = partnership.trends(context["selection"])
        context["report_month"] = last_released_month()
        context["export_formats"] = [
            (ExportFormat.CSV, "Download CSV"),
            (ExportFormat.GEOJSON, "Download GeoJSON"),
        ]
        return context


class CompareView(PartnershipView):
    page_title = "Community map: compare rounds"
    template_name = "mapping/admin/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        series = partnership.series_with_rounds()
        context["series"] = series
        chosen = self.request.GET.get("series") or (str(series[0].pk) if series else "")
        first_round = next((s for s in series if str(s.pk) == chosen), None)
        if first_round:
            rounds = list(first_round.rounds())
            by_slug = {r.slug: r for r in rounds}
            a = by_slug.get(self.request.GET.get("a", ""), rounds[-2])
            b = by_slug.get(self.request.GET.get("b", ""), rounds[-1])
            context.update(
                {
                    "chosen": first_round,
                    "rounds": rounds,
                    "comparison": partnership.compare(a, b, context["selection"].filters),
                }
            )
        return context


class GapsView(PartnershipView):
    page_title = "Community map: provision gaps"
    template_name = "mapping/admin/gaps.html"

    def miles(self) -> float:
        try:
            value = float(self.request.GET.get("miles", gaps.DEFAULT_MILES))
        except ValueError:
            return gaps.DEFAULT_MILES
        return min(max(value, 0.1), 5.0)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["miles"] = self.miles()
        context["gaps"] = gaps.provision_gaps(context["selection"], context["miles"])
        context["ideas_miles"] = gaps.IDEAS_MILES
        context["extra_sections"] = extensions.gaps_sections(
            self.request, context["selection"], context["miles"]
        )
        context["min_contributors"] = settings.MAP_MIN_CONTRIBUTORS
        return context


class ExportLogView(PartnershipView):
    permission_required = VIEW_EXPORTS
    page_title = "Community map: export log"
    template_name = "mapping/admin/export_log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(MapExport.objects.all(), 50)
        context["page_obj"] = paginator.get_page(self.request.GET.get("p"))
        return context


@permission_required(EXPORT)
@require_POST
def export(request, fmt: str):
    if fmt not in (ExportFormat.CSV, ExportFormat.GEOJSON):
        raise Http404("No such export format")
    try:
        selection = parse_selection(request.POST)
    except SelectionError as error:
        return render(
            request, "mapping/admin/export_error.html", {"errors": error.errors}, status=400
        )
    return exports.export(request.user, fmt, selection)


@permission_required(VIEW_REPORTS)
def printable_report(request):
    """An A4 page per exercise or per month, recorded in the audit like any export."""
    exercise_slug = request.GET.get("exercise", "")
    month = request.GET.get("month", "")
    exercise = get_object_or_404(Exercise, slug=exercise_slug) if exercise_slug else None
    try:
        parse_selection({"from": month})
    except SelectionError as error:
        return render(
            request, "mapping/admin/export_error.html", {"errors": error.errors}, status=400
        )
    if not exercise and not month:
        # The form as it comes: the latest month that is over and released.
        month = last_released_month()
    context = report.report_context(exercise, month)
    exports.record(request.user, ExportFormat.REPORT, context["selection"], len(context["rows"]))
    return render(request, "mapping/admin/report.html", context)
