"""The problem profile for coordinators: a map of named places with reports and its table twin,
and their exports (CSV and GeoJSON), each export audited."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from places.maps import map_config
from staff.admin import permission_required

from .. import audit
from ..choices import AuditAction
from ..permissions import EXPORT, can_export
from ..profile import as_csv, as_row, places_geojson, rows, table
from .common import CoordinatorView

# Past any real table; keeps the OFFSET within what every database takes.
MAX_PAGE = 100_000


class ProfileView(CoordinatorView):
    template_name = "concerns/admin/profile.html"
    page_title = "Problem profile"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The table in pages cut by the database. One row more than a page says whether there
        # is a next one: no COUNT, which would run the whole GROUP BY a second time (profiled:
        # a third of the page's time with 10,000 reports). A page number that is not one is 1.
        size = settings.CONCERNS_PROFILE_ROWS_PER_PAGE
        number = self.request.GET.get("p", "")
        number = int(number) if number.isdigit() and 0 < int(number) <= MAX_PAGE else 1
        found = [as_row(values) for values in table()[(number - 1) * size : number * size + 1]]
        context.update(
            rows=found[:size],
            page={
                "number": number,
                "previous": number - 1 if number > 1 else None,
                "next": number + 1 if len(found) > size else None,
            },
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
