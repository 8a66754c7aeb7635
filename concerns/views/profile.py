"""The problem profile for coordinators: a map of named places with reports and its table twin,
and their exports (CSV and GeoJSON), each export audited."""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone

from places.maps import map_config
from staff.admin import permission_required

from .. import audit
from ..choices import AuditAction
from ..permissions import EXPORT, can_export
from ..profile import as_csv, as_row, places_geojson, rows, table
from .common import CoordinatorView


class ProfileView(CoordinatorView):
    template_name = "concerns/admin/profile.html"
    page_title = "Problem profile"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The table in pages, counted and cut by the database; an unknown page number shows
        # the last page (Django's get_page), never an error.
        page = Paginator(table(), settings.CONCERNS_PROFILE_ROWS_PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        context.update(
            rows=[as_row(values) for values in page],
            page=page,
            geojson=places_geojson(),
            map_config=map_config(),
            can_export=can_export(self.request.user),
        )
        return context


def _export(request, content: str, content_type: str, extension: str) -> HttpResponse:
    audit.record(AuditAction.EXPORTED, actor=request.user, detail=f"profile-{extension}")
    response = HttpResponse(content, content_type=content_type)
    name = f"problem-profile-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required(EXPORT)
def export_csv(request):
    return _export(request, as_csv(rows()), "text/csv; charset=utf-8", "csv")


@permission_required(EXPORT)
def export_geojson(request):
    return _export(request, json.dumps(places_geojson()), "application/geo+json", "geojson")
