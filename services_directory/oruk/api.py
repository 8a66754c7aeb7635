"""The Open Referral UK 3.0 API at /api/oruk/: read-only, CORS open, paginated.

Its own NinjaAPI (urls_namespace "services_directory:oruk"), apart from the platform's /api/v1/.
ORUK parameters keep ORUK's meanings; ours are prefixed x_ and mean what /services/ means."""

import datetime
import math
import uuid

from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError

from django.db.models import Avg, Prefetch, Q
from django.shortcuts import get_object_or_404

from places.geo import BoundingBox, distance_miles
from places.models import NamedPlace

from .. import extensions
from ..models import (
    DAY_CODES,
    DAYS,
    Address,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from ..queries import DirectoryQuery, search_services
from . import serializers as oruk

MAX_PER_PAGE = 200
METRES_PER_MILE = 1609.344


class OpenReferralAPI(NinjaAPI):
    def create_response(self, request, data, *args, **kwargs):
        # Every answer, errors included, may be read by any site: the feed is public data.
        response = super().create_response(request, data, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


oruk_api = OpenReferralAPI(
    title="Safer Places Bristol: Open Referral UK",
    version="3.0",
    description="The services and community places directory as an Open Referral UK 3.0 feed "
    "(HSDS-UK-3.0). Read-only. Our extensions are prefixed x_.",
    urls_namespace="services_directory:oruk",
    docs_url="/docs",
)


def invalid(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


def page_of(queryset, page: int, per_page: int, serialise) -> dict:
    total = queryset.count()
    total_pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    # A page past the end is empty: no query with a huge OFFSET.
    contents = [serialise(i) for i in queryset[start : start + per_page]] if start < total else []
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }


def _day_code(day: str) -> str:
    value = day.strip().upper()
    names = {name.upper(): code for code, name in DAYS}
    if value in DAY_CODES:
        return value
    if value in names:
        return names[value]
    raise invalid("day", "Use a day code (MO, TU, WE, TH, FR, SA, SU) or a day name.")


def _place(slug: str | None, field: str = "x_near") -> NamedPlace | None:
    if not slug:
        return None
    place = NamedPlace.objects.active().filter(slug=slug).first()
    if place is None:
        raise invalid(field, f"Unknown place '{slug}': see /api/v1/places for the slugs.")
    return place


def filtered_services(params: "ServiceFilters"):
    when = {w.strip() for w in (params.x_when or "").split(",") if w.strip()}
    if when - {"evening", "weekend"}:
        raise invalid("x_when", "Use evening, weekend, or both separated by a comma.")
    services = search_services(
        DirectoryQuery(
            q=params.search or "",
            needs=[n.strip() for n in (params.x_need or "").split(",") if n.strip()],
            audience=params.x_for or "",
            age=params.x_age,
            evening="evening" in when,
            weekend="weekend" in when,
            open_now=params.x_open_now,
            free=params.x_free,
            kind=params.x_kind or "",
            near=_place(params.x_near),
        )
    )
    services = _by_term_and_age(services, params)
    services = _by_schedule(services, params)
    if params.modified_after:
        services = services.filter(last_modified__gte=params.modified_after)
    return services


def _by_term_and_age(services, params: "ServiceFilters"):
    """ORUK's taxonomy and age filters, on top of the directory's own search."""
    links = Service.terms.through.objects
    if params.taxonomy_term_id:
        tagged = links.filter(taxonomyterm_id=params.taxonomy_term_id)
        services = services.filter(pk__in=tagged.values("service_id"))
    if params.taxonomy_id:
        tagged = links.filter(taxonomyterm__taxonomy_id=params.taxonomy_id)
        services = services.filter(pk__in=tagged.values("service_id"))
    if params.minimum_age is not None:
        services = services.filter(minimum_age__gte=params.minimum_age)
    if params.maximum_age is not None:
        services = services.filter(maximum_age__lte=params.maximum_age)
    return services


def _by_schedule(services, params: "ServiceFilters"):
    """ORUK's schedule filters: open from, open until (local times) and the day."""
    for field in ("start_time", "end_time"):
        value = getattr(params, field)
        if value is not None and value.tzinfo is not None:
            raise invalid(field, "Give a local time without a time zone, like 18:00.")
    schedule = Q()
    if params.start_time:
        schedule &= Q(opens_at__gte=params.start_time)
    if params.end_time:
        schedule &= Q(closes_at__lte=params.end_time)
    if params.day:
        schedule &= Q(byday__contains=_day_code(params.day))
    if schedule:
        services = services.filter(pk__in=Schedule.objects.filter(schedule).values("service_id"))
    return services


def full_services():
    public_sites = ServiceAtLocation.objects.filter(location__confidential=False).select_related(
        "location"
    )
    return (
        Service.objects.published()
        .select_related("organization", *extensions.related())
        .prefetch_related(
            Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
            Prefetch(
                "service_at_locations",
                queryset=public_sites.prefetch_related(
                    "location__addresses", "location__accessibility"
                ),
                to_attr="public_sites",
            ),
            *oruk.SERVICE_LISTS,
        )
    )


class Paging(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE, description="Results per page.")


class ServiceFilters(Schema):
    search: str | None = Field(None, max_length=200, description="Free text, with synonyms.")
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    minimum_age: float | None = Field(
        None, description="Services whose minimum age is at least this."
    )
    maximum_age: float | None = Field(
        None, description="Services whose maximum age is at most this."
    )
    start_time: datetime.time | None = Field(None, description="Opening at or after this time.")
    end_time: datetime.time | None = Field(None, description="Closing at or before this time.")
    day: str | None = Field(None, description="A day code (MO..SU) or name.")
    modified_after: datetime.datetime | None = None
    x_age: int | None = Field(None, ge=0, le=120, description="For a person of this age.")
    x_when: str | None = Field(None, description="evening (open after 18:00), weekend, or both.")
    x_open_now: bool = Field(False, description="Open at this moment.")
    x_near: str | None = Field(None, description="A gazetteer place slug: nearest first.")
    x_need: str | None = Field(None, description="Need slugs, comma-separated.")
    x_for: str | None = Field(None, description="parents, young-people or professionals.")
    x_free: bool = Field(False, description="Free to use.")
    x_kind: str | None = Field(None, pattern="^(service|asset)$", description="service or asset.")


class SiteFilters(ServiceFilters):
    postcode: str | None = Field(
        None, max_length=10, description="Sites with this postcode (or its start)."
    )
    proximity: float | None = Field(
        None, gt=0, description="Metres from the postcode's sites (or from x_near)."
    )


@oruk_api.get("/", summary="About this API", tags=["meta"])
def meta(request):
    return {
        "version": oruk.VERSION,
        "profile": oruk.PROFILE_URL,
        "openapi_url": request.build_absolute_uri("/api/oruk/openapi.json"),
    }


@oruk_api.get("/services", summary="Services, one-to-one fields, paginated", tags=["services"])
def list_services(request, paging: Query[Paging], filters: Query[ServiceFilters]):
    services = filtered_services(filters).select_related("organization", *extensions.related())
    return page_of(services, paging.page, paging.per_page, oruk.service_summary)


@oruk_api.get("/services/{id}", summary="A fully nested service", tags=["services"])
def get_service(request, id: uuid.UUID):  # ORUK names the path parameter id
    return oruk.service_full(get_object_or_404(full_services(), pk=id))


@oruk_api.get("/taxonomies", summary="Taxonomies, paginated", tags=["taxonomies"])
def list_taxonomies(request, paging: Query[Paging]):
    return page_of(Taxonomy.objects.order_by("name"), paging.page, paging.per_page, oruk.taxonomy)


@oruk_api.get("/taxonomies/{id}", summary="A taxonomy and its terms", tags=["taxonomies"])
def get_taxonomy(request, id: uuid.UUID):
    tax = get_object_or_404(
        Taxonomy.objects.prefetch_related(
            Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy"))
        ),
        pk=id,
    )
    return oruk.taxonomy(tax, with_terms=True)


@oruk_api.get("/taxonomy_terms", summary="Taxonomy terms, paginated", tags=["taxonomies"])
def list_taxonomy_terms(request, paging: Query[Paging], x_taxonomy_id: uuid.UUID | None = None):
    terms = TaxonomyTerm.objects.select_related("taxonomy").order_by(
        "taxonomy__name", "order", "name"
    )
    if x_taxonomy_id:
        terms = terms.filter(taxonomy_id=x_taxonomy_id)
    return page_of(terms, paging.page, paging.per_page, oruk.taxonomy_term)


@oruk_api.get("/taxonomy_terms/{id}", summary="A taxonomy term", tags=["taxonomies"])
def get_taxonomy_term(request, id: uuid.UUID):
    return oruk.taxonomy_term(
        get_object_or_404(TaxonomyTerm.objects.select_related("taxonomy"), pk=id)
    )


def _postcode_key(value: str) -> str:
    return value.replace(" ", "").upper()


def filtered_sites(filters: SiteFilters):
    services = filtered_services(filters)
    sites = ServiceAtLocation.objects.filter(
        service__in=services.values("pk"), location__in=Location.objects.public()
    )
    centre = _place(filters.x_near)
    if filters.postcode:
        key = _postcode_key(filters.postcode)
        matching = [
            a.location_id
            for a in Address.objects.filter(location__confidential=False).only(
                "postal_code", "location_id"
            )
            if _postcode_key(a.postal_code).startswith(key)
        ]
        if filters.proximity and centre is None:
            known = Location.objects.public().with_position().filter(pk__in=matching)
            mean = known.aggregate(lat=Avg("lat"), lng=Avg("lng"))
            if mean["lat"] is None:
                raise invalid("postcode", "No public site has this postcode to measure from.")
            centre = NamedPlace(name=filters.postcode, lat=mean["lat"], lng=mean["lng"])
        elif not filters.proximity:
            sites = sites.filter(location_id__in=matching)
    if filters.proximity:
        if centre is None:
            raise invalid("proximity", "Give a postcode or x_near to measure the distance from.")
        sites = within_metres(sites, centre, filters.proximity)
    return sites.select_related(
        "location", "service", "service__organization", *extensions.related("service__")
    ).order_by("service__name", "location__name", "id")


def within_metres(sites, centre: NamedPlace, metres: float):
    box = BoundingBox.around(centre.lat, centre.lng, metres / METRES_PER_MILE)
    candidates = sites.filter(
        location__lat__gte=box.south,
        location__lat__lte=box.north,
        location__lng__gte=box.west,
        location__lng__lte=box.east,
    ).select_related("location")
    keep = [
        s.pk
        for s in candidates
        if distance_miles(centre.position, s.location.position) * METRES_PER_MILE <= metres
    ]
    return sites.filter(pk__in=keep)


@oruk_api.get(
    "/service_at_locations",
    summary="Services at locations, one-to-one fields, paginated",
    tags=["service_at_locations"],
)
def list_service_at_locations(request, paging: Query[Paging], filters: Query[SiteFilters]):
    sites = filtered_sites(filters)
    return page_of(sites, paging.page, paging.per_page, oruk.service_at_location)


@oruk_api.get(
    "/service_at_locations/{id}",
    summary="A fully nested service at a location",
    tags=["service_at_locations"],
)
def get_service_at_location(request, id: uuid.UUID):
    site = get_object_or_404(
        ServiceAtLocation.objects.filter(
            location__confidential=False, service__in=Service.objects.published()
        ).select_related(
            "location", "service", "service__organization", *extensions.related("service__")
        ),
        pk=id,
    )
    return oruk.service_at_location(site, full=True)
