"""mapping's part of the JSON API (/api/v1/), mounted by website/api.py."""

import hashlib

from ninja import Field, Query, Router, Schema, Status

from django.http import HttpResponse

from .compression import accepts_gzip, gzip_etag, gzipped
from .outputs import geojson_bytes
from .selection import SelectionError, parse_selection

router = Router(tags=["community map"])


class FieldError(Schema):
    field: str
    message: str


class Errors(Schema):
    errors: list[FieldError]


class Polygon(Schema):
    type: str = Field(..., examples=["Polygon"])
    coordinates: list[list[list[float]]] = Field(
        ..., description="One closed ring of [longitude, latitude] pairs: an H3 hexagon."
    )


class CellReason(Schema):
    slug: str
    label: str
    count: int


class CellProperties(Schema):
    cell: str = Field(..., description="H3 cell id (resolution 8, or 7 for sparse areas).")
    resolution: int
    near: str = Field(..., description="The nearest named place (gazetteer).")
    place: str = Field(..., description="The cell described from its nearest named place.")
    safe: int | None = Field(
        ...,
        description="People who said safe, rounded to the nearest 5; null when fewer than "
        "min_contributors people (or sources) stand behind it.",
    )
    unsafe: int | None = Field(
        ..., description="People who said unsafe, rounded to the nearest 5; null as for safe."
    )
    safe_text: str = Field(..., description='The safe count in words: "10" or "fewer than 8".')
    unsafe_text: str = Field(..., description="The unsafe count in words.")
    total: int = Field(..., description="People who pinned here, rounded to the nearest 5.")
    unsafe_share: float | None
    band: str
    reasons: list[CellReason] = Field(
        ..., description="Top reasons, each given by enough people to be published."
    )


class Feature(Schema):
    type: str = Field(..., examples=["Feature"])
    id: str
    geometry: Polygon
    properties: CellProperties


class FeatureCollection(Schema):
    type: str = Field(..., examples=["FeatureCollection"])
    from_: str = Field(..., alias="from", description="First month covered (YYYY-MM).")
    to: str = Field(..., description="Last month covered (YYYY-MM).")
    filters: dict[str, str]
    includes_demo_data: bool = Field(..., description="True when made-up demo pins are counted.")
    min_contributors: int
    rounding: int
    features: list[Feature]


@router.api_operation(
    ["GET", "HEAD"],
    "/community-map.geojson",
    response={200: FeatureCollection, 400: Errors},
    summary="The anonymised community map",
    description=(
        "Published cells of approved pins, summed over whole calendar months. A cell is left out "
        "unless its pins come from at least MAP_MIN_CONTRIBUTORS distinct people; counts are "
        "people, rounded to the nearest 5; a month is frozen once released."
    ),
)
def community_map(
    request,
    exercise: str | None = Query(None, description="Exercise slug."),
    feeling: str | None = Query(None, description="safe or unsafe."),
    when: str | None = Query(
        None, description="morning, school-hours, after-school, evening or night."
    ),
    from_: str | None = Query(None, alias="from", description="First month, YYYY-MM."),
    to: str | None = Query(None, description="Last month, YYYY-MM."),
):
    # Validated here rather than by the schema, so a bad value gets the contract's 400 shape.
    try:
        selection = parse_selection(request.GET)
    except SelectionError as error:
        return Status(400, {"errors": error.errors})
    body = geojson_bytes(selection)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if request.headers.get("If-None-Match") in (etag, gzip_etag(etag)):
        response = HttpResponse(status=304)
    elif accepts_gzip(request):
        response = HttpResponse(gzipped(body, etag), content_type="application/geo+json")
        response["Content-Encoding"] = "gzip"
        etag = gzip_etag(etag)
    else:
        response = HttpResponse(body, content_type="application/geo+json")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=300"
    response["Vary"] = "Accept-Encoding"
    response["Access-Control-Allow-Origin"] = "*"
    return response
