"""The problem profile for coordinators: a map of named places with reports and its table twin,
and their exports (CSV and GeoJSON), each export audited."""

import json

from django.http import HttpResponse
from django.utils import timezone

from places.maps import map_config

from .. import audit
from ..choices import AuditAction
from ..permissions import can_export
from ..profile import as_csv, places_geojson, rows
from .common import CoordinatorView, coordinators_only, forbidden


class ProfileView(CoordinatorView):
    template_name = "concerns/admin/profile.html"
    page_title = "Problem profile"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=rows(),
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


@coordinators_only
def export_csv(request):
    if not can_export(request.user):
        return forbidden(request)
    return _export(request, as_csv(rows()), "text/csv; charset=utf-8", "csv")


@coordinators_only
def export_geojson(request):
    if not can_export(request.user):
        return forbidden(request)
    return _export(request, json.dumps(places_geojson()), "application/geo+json", "geojson")
