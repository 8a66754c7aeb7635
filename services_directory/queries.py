"""The directory's public read side: what pages, the ORUK API and other apps call.

Everything here starts from `Service.objects.published()` and reads locations only through
`Location.objects.public()`, so a confidential location can never leave through these functions.

- `search_services(...)`: the /services/ search with every filter; a QuerySet, best first.
- `related_services(need_slugs, limit)`: for guidance pages' "related services" blocks.
- `public_points(...)` / `youth_provision_points()`: public positions for maps (mapping's gaps).
"""

import datetime
import math
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from places.geo import EARTH_RADIUS_MILES, distance_miles
from places.models import NamedPlace

from . import schedules
from .models import (
    AUDIENCES,
    NEEDS,
    Location,
    Service,
    ServiceAtLocation,
    ServiceKind,
    TaxonomyTerm,
)
from .models.services import ServiceQuerySet
from .search import text_condition

# Degrees of latitude per mile (a degree of latitude is about 69 miles everywhere).
_MILES_PER_DEGREE = EARTH_RADIUS_MILES * 3.141592653589793 / 180


@dataclass
class DirectoryQuery:
    """A search of the directory. Field names follow the public query string where they can."""

    q: str = ""
    needs: list[str] = field(default_factory=list)
    audience: str = ""
    age: int | None = None
    evening: bool = False
    weekend: bool = False
    open_now: bool = False
    free: bool = False
    kind: str = ""
    near: NamedPlace | None = None
    within_miles: float | None = None
    now: datetime.datetime | None = None


def published() -> ServiceQuerySet:
    return Service.objects.published()


def _tagged(taxonomy: str, slugs) -> Q:
    # A plain (uncorrelated) IN subquery: evaluated once, not once per service.
    links = Service.terms.through.objects.filter(
        taxonomyterm__taxonomy__slug=taxonomy, taxonomyterm__slug__in=list(slugs)
    )
    return Q(pk__in=links.values("service_id"))


def _distance_sq(lat: float, lng: float, prefix: str = "") -> ExpressionWrapper:
    """Squared distance in degrees of latitude (equirectangular; exact enough across a city, and
    plain arithmetic, so it sorts in SQL on any database)."""
    scale = math.cos(math.radians(lat))
    dlat = F(f"{prefix}lat") - Value(lat)
    dlng = (F(f"{prefix}lng") - Value(lng)) * Value(scale)
    return ExpressionWrapper(dlat * dlat + dlng * dlng, output_field=FloatField())


def _nearest_public_distance(lat: float, lng: float) -> Subquery:
    sites = (
        ServiceAtLocation.objects.filter(
            service=OuterRef("pk"),
            location__confidential=False,
            location__lat__isnull=False,
            location__lng__isnull=False,
        )
        .annotate(d=_distance_sq(lat, lng, "location__"))
        .order_by("d")
        .values("d")[:1]
    )
    return Subquery(sites, output_field=FloatField())


def _filtered(services, query: DirectoryQuery) -> ServiceQuerySet:
    """Every filter of the query but the place: each one given narrows the results."""
    if query.q.strip():
        services = services.filter(text_condition(query.q))
    if query.needs:
        services = services.filter(_tagged(NEEDS, query.needs))
    if query.audience:
        services = services.filter(_tagged(AUDIENCES, [query.audience]))
    if query.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age),
        )
    conditions = [
        (query.evening, schedules.evening_condition),
        (query.weekend, schedules.weekend_condition),
        (query.open_now, lambda: schedules.open_now_condition(query.now)),
        (query.free, lambda: Q(free=True)),
        (query.kind, lambda: Q(kind=query.kind)),
    ]
    for wanted, condition in conditions:
        if wanted:
            services = services.filter(condition())
    return services


def search_services(query: DirectoryQuery | None = None, **filters) -> ServiceQuerySet:
    """Published services and places matching every filter given, best first.

    Keyword form for other apps: `search_services(q="county lines", needs=["mentoring"], age=14,
    weekend=True, near=<NamedPlace>)`. Results that have not been checked for 12 months sink to
    the end; with `near`, the rest go nearest first, and places without a public position (city-
    wide or confidential) come after those with one."""
    query = query or DirectoryQuery(**filters)
    services = _filtered(published(), query)
    today = timezone.localdate(query.now) if query.now else timezone.localdate()
    services = services.annotate(
        sinks=Case(
            When(ServiceQuerySet.sinking_condition(today), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    ordering = ["sinks"]
    if query.near is not None:
        services = services.annotate(
            distance_sq=_nearest_public_distance(query.near.lat, query.near.lng)
        )
        if query.within_miles:
            limit = (query.within_miles / _MILES_PER_DEGREE) ** 2
            services = services.filter(Q(distance_sq__lte=limit) | Q(distance_sq__isnull=True))
        ordering.append(F("distance_sq").asc(nulls_last=True))
    if query.q.strip():
        services = services.annotate(
            name_hit=Case(
                When(name__icontains=query.q.strip(), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        ordering.append("name_hit")
    return services.order_by(*ordering, "name", "id")


def for_display(services) -> ServiceQuerySet:
    """What a list of results shows, fetched in a fixed number of queries. Public sites only."""
    return services.select_related("organization").prefetch_related(
        Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.filter(location__confidential=False)
            .select_related("location", "location__place")
            .prefetch_related("location__addresses"),
            to_attr="public_sites",
        ),
        "schedules",
        "phones",
        "contacts",
        "service_areas",
    )


def public_sites(service: Service) -> list[ServiceAtLocation]:
    """The service's sites at public locations (prefetched by `for_display` when available)."""
    if hasattr(service, "public_sites"):
        return service.public_sites
    return list(
        ServiceAtLocation.objects.filter(service=service, location__confidential=False)
        .select_related("location", "location__place")
        .prefetch_related("location__addresses")
    )


def nearest_distance(service: Service, place: NamedPlace) -> float | None:
    """Miles from a named place to the service's nearest public position (None when it has none)."""
    distances = [
        distance_miles(place.position, site.location.position)
        for site in public_sites(service)
        if site.location.position
    ]
    return min(distances) if distances else None


def need_choices() -> list[tuple[str, str]]:
    """(slug, name) of every need, in the vocabulary's order: for choosers in other apps."""
    return list(TaxonomyTerm.objects.needs().order_by("order").values_list("slug", "name"))


def related_services(need_slugs, limit: int = 5) -> list[Service]:
    """Published services tagged with any of the needs, recently checked first."""
    if not need_slugs:
        return []
    return list(for_display(search_services(needs=list(need_slugs)))[:limit])


def public_points(*, need_slugs=None, youth_only: bool = False) -> list[dict]:
    """Every public position of a published service or place, for maps and analysis:
    `{"service_id", "name", "slug", "url", "kind", "location", "lat", "lng", "h3_r7", "h3_r8",
    "h3_r9", "youth_provision"}`.
    Confidential locations are never included."""
    services = published()
    if need_slugs:
        services = services.filter(_tagged(NEEDS, need_slugs))
    youth_terms = set(TaxonomyTerm.objects.youth_provision().values_list("id", flat=True))
    youth_services = set(
        Service.terms.through.objects.filter(taxonomyterm_id__in=youth_terms).values_list(
            "service_id", flat=True
        )
    )
    if youth_only:
        services = services.filter(pk__in=youth_services)
    sites = (
        ServiceAtLocation.objects.filter(service__in=services)
        .filter(location__in=Location.objects.public().with_position())
        .select_related("service", "location")
        .order_by("service__name", "location__name")
    )
    return [
        {
            "service_id": str(site.service_id),
            "name": site.service.name,
            "slug": site.service.slug,
            "url": site.service.get_absolute_url(),
            "kind": site.service.kind,
            "location": site.location.name,
            "lat": site.location.lat,
            "lng": site.location.lng,
            "h3_r7": site.location.h3_r7,
            "h3_r8": site.location.h3_r8,
            "h3_r9": site.location.h3_r9,
            "youth_provision": site.service_id in youth_services,
        }
        for site in sites
    ]


def youth_provision_points() -> list[dict]:
    """Public positions of youth provision (youth clubs, sport, music and arts, mentoring, and the
    matching kinds of community place): what mapping's "provision gaps" measure from."""
    return public_points(youth_only=True)


__all__ = [
    "DirectoryQuery",
    "ServiceKind",
    "for_display",
    "need_choices",
    "nearest_distance",
    "public_points",
    "public_sites",
    "published",
    "related_services",
    "search_services",
    "youth_provision_points",
]
