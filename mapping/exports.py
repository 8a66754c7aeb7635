"""Exports of published aggregates, each one recorded in the audit (who, when, what)."""

import json

from django.db import transaction
from django.http import HttpResponse

from .models import ExportFormat, MapExport
from .outputs import collection_for, csv_text
from .selection import Selection

CONTENT_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.GEOJSON: "application/geo+json",
}


def record(user, fmt: str, selection: Selection, cells: int) -> MapExport:
    return MapExport.objects.create(
        user=user,
        username=user.get_username(),
        format=fmt,
        query=selection.as_query(),
        cells=cells,
    )


def filename(collection: dict, fmt: str) -> str:
    span = "-".join(part for part in (collection["from"], collection["to"]) if part) or "empty"
    extension = "csv" if fmt == ExportFormat.CSV else "geojson"
    return f"community-map-{span}.{extension}"


@transaction.atomic
def export(user, fmt: str, selection: Selection) -> HttpResponse:
    """The file, and its audit entry in the same transaction: no file leaves unrecorded."""
    collection = collection_for(selection)
    if fmt == ExportFormat.CSV:
        body = csv_text(collection)
    else:
        body = json.dumps(collection, sort_keys=True, indent=1)
    record(user, fmt, selection, len(collection["features"]))
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename(collection, fmt)}"'
    response["Cache-Control"] = "no-store"
    return response
