"""Importing an Open Referral UK 3.0 feed: upsert every service by id, one transaction each.

A bad record is skipped with a message saying why; everything imported before and after it is
kept. A record whose source is unchanged since the last import is left alone, so a second run
changes nothing. Staff decisions survive re-imports: a location marked confidential stays so."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify

from ..models import (
    Accessibility,
    Address,
    Contact,
    CostOption,
    Language,
    Location,
    LocationType,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceKind,
    Taxonomy,
    TaxonomyTerm,
)
from .documents import EXPECTED, SERVICE, not_a_service, record_kind
from .feeds import FeedError, RecordUnavailable, open_feed
from .records import RecordError, check_service, parse_date, uuid_of


@dataclass
class ImportReport:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    stopped: str = ""

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped"
        )


def fingerprint(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()


def import_feed(
    source: str, *, publish: bool = True, log: Callable[[str], None] = print
) -> ImportReport:
    feed = open_feed(source)
    report = ImportReport(source=feed.label)
    try:
        for page in feed.pages():
            log(f"Page {page.number} of {page.total_pages}: {len(page.items)} services")
            for item in page.items:
                label = _label(item)
                try:
                    # A listed record without a proper id is not worth a request.
                    kind = record_kind(item)
                    if kind != SERVICE:
                        raise RecordError(f"{not_a_service(kind)} ({EXPECTED})")
                    uuid_of(item.get("id") if isinstance(item, dict) else None, "service.id")
                    record = feed.full_service(item)
                    outcome, service = upsert_service(record, source=feed.label, publish=publish)
                except (RecordError, RecordUnavailable) as exc:
                    report.skipped.append((label, str(exc)))
                    log(f"  skipped {label}: {exc}")
                    continue
                except (DatabaseError, ValidationError, ValueError, TypeError) as exc:
                    # Rolled back; the import goes on with the next record.
                    report.skipped.append((label, f"could not be stored: {exc}"))
                    log(f"  skipped {label}: could not be stored: {exc}")
                    continue
                setattr(report, outcome, getattr(report, outcome) + 1)
                log(f"  {outcome} {service.name} ({service.id})")
    except FeedError as exc:
        report.stopped = str(exc)
        log(f"Stopped: {exc}")
    return report


def _label(item) -> str:
    if isinstance(item, dict):
        return f"{item.get('name') or '(no name)'} ({item.get('id') or 'no id'})"
    return repr(item)[:60]


def upsert_service(record, *, source: str = "", publish: bool = True) -> tuple[str, Service]:
    data = check_service(record)
    digest = fingerprint(record)
    existing = Service.objects.filter(pk=data["id"]).first()
    if existing and existing.source_hash == digest:
        return "unchanged", existing
    with transaction.atomic():
        service = existing or Service(id=data["id"], live=publish)
        service.organization = _organization(data["organization"])
        for key in (
            "name",
            "description",
            "url",
            "email",
            "status",
            "fees",
            "accreditations",
            "alert",
            "assurer_email",
            "minimum_age",
            "maximum_age",
            "assured_date",
        ):
            setattr(service, key, data[key])
        _extensions(service, data)
        service.source, service.source_hash = source[:500], digest
        service.save()
        _children(service, data)
        service.terms.set(_terms(data["attributes"]))
        service.save()
    return ("updated" if existing else "created"), service


def _extensions(service: Service, data: dict) -> None:
    ext = data["extensions"]
    if ext.get("x_kind") in ServiceKind.values:
        service.kind = ext["x_kind"]
    for ours, theirs in [
        ("free", "x_free"),
        ("self_referral", "x_self_referral"),
        ("professional_referral", "x_professional_referral"),
    ]:
        if isinstance(ext.get(theirs), bool):
            setattr(service, ours, ext[theirs])
    if isinstance(ext.get("x_how_to_access"), str):
        service.how_to_access = ext["x_how_to_access"]
    if "x_free" not in ext:
        amounts = [c.get("amount") for c in data["cost_options"]]
        service.free = (
            bool(amounts)
            and all(a in (0, None) for a in amounts)
            or ("free" in service.fees.lower())
        )


def _organization(data: dict | None) -> Organization | None:
    if not data:
        return None
    identifiers = {
        i.get("identifier_scheme"): i.get("identifier")
        for i in data.get("organization_identifiers") or []
        if isinstance(i, dict)
    }
    org, _ = Organization.objects.update_or_create(
        id=data["id"],
        defaults={
            "name": data["name"][:255],
            "description": data.get("description") or "",
            "email": (data.get("email") or "")[:254],
            "website": (data.get("website") or "")[:200],
            "logo": (data.get("logo") or "")[:200],
            "uri": (data.get("uri") or "")[:200],
            "charity_number": str(identifiers.get("GB-CHC") or "")[:20],
            "company_number": str(identifiers.get("GB-COH") or "")[:20],
        },
    )
    return org


def _replace(model, parent: dict, rows: list[dict], values: Callable[[dict], dict]) -> list:
    """Upserts `parent`'s rows of `model` by id, and deletes the ones the feed no longer has."""
    objects = [
        model.objects.update_or_create(id=row["id"], defaults={**parent, **values(row)})[0]
        for row in rows
    ]
    model.objects.filter(**parent).exclude(pk__in=[o.pk for o in objects]).delete()
    return objects


def _s(row: dict, key: str, limit: int = 255) -> str:
    value = row.get(key)
    return str(value)[:limit] if value not in (None, "") else ""


def _amount(value):
    try:
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def _children(service: Service, data: dict) -> None:
    _replace(
        ServiceArea,
        {"service": service},
        data["service_areas"],
        lambda r: {
            "name": _s(r, "name") or _s(r, "service_area") or "Service area",
            "description": _s(r, "service_area", 10_000),
            "uri": _s(r, "uri"),
        },
    )
    _replace(
        Language,
        {"service": service},
        data["languages"],
        lambda r: {
            "name": _s(r, "name", 60) or _s(r, "code", 60) or "Unnamed language",
            "code": _s(r, "code", 10),
            "note": _s(r, "note"),
        },
    )
    _replace(
        CostOption,
        {"service": service},
        data["cost_options"],
        lambda r: {
            "option": _s(r, "option"),
            "amount": _amount(r.get("amount")),
            "amount_description": _s(r, "amount_description"),
            "valid_from": parse_date(r.get("valid_from"), "cost_options.valid_from"),
            "valid_to": parse_date(r.get("valid_to"), "cost_options.valid_to"),
        },
    )
    _replace(
        Phone,
        {"service": service},
        [p for p in data["phones"] if p.get("number")],
        lambda r: {
            "number": _s(r, "number", 40),
            "description": _s(r, "description"),
        },
    )
    _replace(
        Contact,
        {"service": service},
        data["contacts"],
        lambda r: {
            "name": _s(r, "name", 120),
            "title": _s(r, "title", 120),
            "email": _s(r, "email", 254),
            "phone": _s(((r.get("phones") or [{}])[0] or {}), "number", 40),
        },
    )
    sites = _sites(service, data["service_at_locations"])
    _replace(
        Schedule,
        {"service": service},
        data["schedules"]
        + [
            dict(s, _site=site)
            for site, raw in sites
            for s in raw.get("schedules") or []
            if isinstance(s, dict)
        ],
        lambda r: {
            "byday": r.get("_byday", ""),
            "opens_at": r.get("_opens"),
            "closes_at": r.get("_closes"),
            "freq": r.get("freq") if r.get("freq") in ("WEEKLY", "MONTHLY") else "WEEKLY",
            "interval": int(r.get("interval") or 1),
            "bymonthday": _s(r, "bymonthday", 60),
            "description": _s(r, "description"),
            "notes": _s(r, "notes"),
            "attending_type": _s(r, "attending_type", 120),
            "schedule_link": _s(r, "schedule_link", 200),
            "valid_from": parse_date(r.get("valid_from"), "schedules.valid_from"),
            "valid_to": parse_date(r.get("valid_to"), "schedules.valid_to"),
            "dtstart": parse_date(r.get("dtstart"), "schedules.dtstart"),
            "service_at_location": r.get("_site"),
        },
    )


def _sites(service: Service, rows: list[dict]) -> list[tuple[ServiceAtLocation, dict]]:
    sites = _replace(
        ServiceAtLocation,
        {"service": service},
        rows,
        lambda r: {"location": _location(r["location"]), "description": _s(r, "description")},
    )
    return list(zip(sites, rows, strict=True))


def _location(data: dict) -> Location:
    location = Location.objects.filter(pk=data["id"]).first() or Location(id=data["id"])
    location.name = _s(data, "name") or "Unnamed location"
    location.description = _s(data, "description", 10_000)
    location.location_type = (
        data["location_type"] if data.get("location_type") in LocationType.values else "physical"
    )
    location.lat, location.lng = data.get("latitude"), data.get("longitude")
    location.external_identifier = _s(data, "external_identifier", 60)
    location.external_identifier_type = _s(data, "external_identifier_type", 30)
    # `confidential` is never taken from a feed: only staff set it, and a re-import keeps it.
    location.save()
    parent = {"location": location}
    _replace(
        Address,
        parent,
        data.get("addresses") or [],
        lambda r: {
            "attention": _s(r, "attention", 120),
            "address_1": _s(r, "address_1") or "-",
            "address_2": _s(r, "address_2"),
            "city": _s(r, "city", 120),
            "region": _s(r, "region", 120),
            "state_province": _s(r, "state_province", 120),
            "postal_code": _s(r, "postal_code", 10),
            "country": _s(r, "country", 2) or "GB",
            "address_type": r["address_type"]
            if r.get("address_type") in LocationType.values
            else "physical",
        },
    )
    _replace(
        Accessibility,
        parent,
        data.get("accessibility") or [],
        lambda r: {
            "description": _s(r, "description") or _s(r, "accessibility") or "Accessibility",
            "details": _s(r, "details", 10_000),
            "url": _s(r, "url", 200),
        },
    )
    return location


def _terms(attributes: list[dict]) -> list[TaxonomyTerm]:
    terms = []
    for link in attributes:
        data = link.get("taxonomy_term")
        term_id = (data or {}).get("id") or link.get("taxonomy_term_id")
        term = TaxonomyTerm.objects.filter(pk=term_id).first() if term_id else None
        if term is None and data:
            term = _new_term(data)
        if term is not None:
            terms.append(term)
    return terms


def _new_term(data: dict) -> TaxonomyTerm:
    name = str(data.get("taxonomy") or "Imported terms")[:120]
    taxonomy = (
        Taxonomy.objects.filter(pk=data.get("taxonomy_id")).first()
        if data.get("taxonomy_id")
        else None
    )
    if taxonomy is None:
        slug = slugify(name)[:80] or "imported"
        taxonomy = Taxonomy.objects.filter(slug=slug).first() or Taxonomy.objects.create(
            **({"id": data["taxonomy_id"]} if data.get("taxonomy_id") else {}),
            slug=slug,
            name=name,
            description=f"Terms imported from a feed ({name}).",
        )
    base = slugify(data["name"])[:70] or "term"
    slug, n = base, 1
    while TaxonomyTerm.objects.filter(taxonomy=taxonomy, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return TaxonomyTerm.objects.create(
        id=data["id"],
        taxonomy=taxonomy,
        slug=slug,
        name=str(data["name"])[:120],
        description=str(data.get("description") or ""),
        code=str(data.get("term") or "")[:80],
        term_uri=str(data.get("term_uri") or "")[:200],
    )
