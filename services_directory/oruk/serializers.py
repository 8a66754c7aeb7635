"""Directory records as Open Referral UK 3.0 (HSDS 3.0) objects.

Optional fields that are empty are left out rather than sent as "" or null: the schemas type them
as strings with formats (uri, email) that an empty string would fail. Locations come only through
`queries.public_sites`, so a confidential location is never serialised."""

import uuid

from django.conf import settings

from .. import extensions
from ..models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from ..queries import public_sites

VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
# The list-valued parts of a full service record that are our related names too: the feed
# prefetches them, and the importer reads each as a list.
SERVICE_LISTS = ("schedules", "service_areas", "languages", "cost_options", "contacts", "phones")


def _compact(data: dict, keep: tuple = ()) -> dict:
    return {k: v for k, v in data.items() if k in keep or v not in (None, "", [])}


def _id(value) -> str | None:
    return str(value) if value else None


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _time(value) -> str | None:
    return value.strftime("%H:%M:%S") if value else None


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def organization(org: Organization | None) -> dict | None:
    if org is None:
        return None
    identifiers = []
    for scheme, kind, value in [
        ("GB-CHC", "Charity number", org.charity_number),
        ("GB-COH", "Company number", org.company_number),
    ]:
        if value:
            identifiers.append(
                {
                    "id": str(uuid.uuid5(org.id, scheme)),
                    "organization_id": str(org.id),
                    "identifier_scheme": scheme,
                    "identifier_type": kind,
                    "identifier": value,
                }
            )
    return _compact(
        {
            "id": str(org.id),
            "name": org.name,
            "description": org.description,
            "email": org.email,
            "website": org.website,
            "logo": org.logo,
            "uri": org.uri,
            "parent_organization_id": _id(org.parent_id),
            "organization_identifiers": identifiers,
        },
        keep=("description",),
    )


def taxonomy(tax: Taxonomy, with_terms: bool = False) -> dict:
    data = _compact(
        {
            "id": str(tax.id),
            "name": tax.name,
            "description": tax.description,
            "uri": tax.uri,
            "version": tax.version,
        },
        keep=("description",),
    )
    if with_terms:
        data["taxonomy_terms"] = [taxonomy_term(t) for t in tax.terms.all()]
    return data


def taxonomy_term(term: TaxonomyTerm) -> dict:
    return _compact(
        {
            "id": str(term.id),
            "name": term.name,
            "description": term.description,
            "parent_id": _id(term.parent_id),
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy_id),
            "term_uri": term.term_uri,
            "term": term.code or term.slug,
        },
        keep=("description",),
    )


def attributes(service: Service) -> list[dict]:
    """HSDS attributes link a record to taxonomy terms. Ours are a many-to-many, so each link's id
    is derived from the pair (uuid5), stable across requests."""
    return [
        {
            "id": str(uuid.uuid5(service.id, str(term.id))),
            "link_id": str(service.id),
            "link_type": "service",
            "taxonomy_term_id": str(term.id),
            "taxonomy_term": taxonomy_term(term),
        }
        for term in service.terms.all()
    ]


def location(loc: Location, full: bool = True) -> dict:
    if loc.confidential:  # Never reached through public_sites; a guard for future callers.
        raise ValueError("confidential locations are never serialised")
    data = _compact(
        {
            "id": str(loc.id),
            "location_type": loc.location_type,
            "name": loc.name,
            "description": loc.description,
            "latitude": loc.lat,
            "longitude": loc.lng,
            "external_identifier": loc.external_identifier,
            "external_identifier_type": loc.external_identifier_type,
        }
    )
    if full:
        data["addresses"] = [
            _compact(
                {
                    "id": str(a.id),
                    "location_id": str(loc.id),
                    "attention": a.attention,
                    "address_1": a.address_1,
                    "address_2": a.address_2,
                    "city": a.city,
                    "region": a.region,
                    "state_province": a.state_province,
                    "postal_code": a.postal_code,
                    "country": a.country,
                    "address_type": a.address_type,
                },
                keep=("address_1", "city", "state_province", "postal_code", "country"),
            )
            for a in loc.addresses.all()
        ]
        data["accessibility"] = [
            _compact(
                {
                    "id": str(a.id),
                    "location_id": str(loc.id),
                    "description": a.description,
                    "details": a.details,
                    "url": a.url,
                }
            )
            for a in loc.accessibility.all()
        ]
    return data


def service_summary(service: Service) -> dict:
    """The one-to-one fields of a service (the items of a /services page)."""
    return _compact(
        {
            "id": str(service.id),
            "organization_id": _id(service.organization_id),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees": service.fees,
            "accreditations": service.accreditations,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": _date(service.assured_date),
            "alert": service.alert,
            "last_modified": service.last_modified.isoformat(),
            "organization": organization(service.organization),
            # Our extensions.
            "x_kind": service.kind,
            "x_url": absolute(service.get_absolute_url()),
            "x_free": service.free,
            "x_self_referral": service.self_referral,
            "x_professional_referral": service.professional_referral,
            "x_how_to_access": service.how_to_access,
            "x_demo": service.is_demo,
            # Those of the apps above the directory (services_directory/extensions.py).
            **extensions.oruk_fields(service),
        }
    )


def schedule(row) -> dict:
    return _compact(
        {
            "id": str(row.id),
            "service_id": str(row.service_id),
            "service_at_location_id": _id(row.service_at_location_id),
            "valid_from": _date(row.valid_from),
            "valid_to": _date(row.valid_to),
            "dtstart": _date(row.dtstart),
            "freq": row.freq,
            "interval": row.interval,
            "byday": row.byday,
            "bymonthday": row.bymonthday,
            "description": row.description,
            "opens_at": _time(row.opens_at),
            "closes_at": _time(row.closes_at),
            "schedule_link": row.schedule_link,
            "attending_type": row.attending_type,
            "notes": row.notes,
        }
    )


def _details(service: Service) -> dict:
    """The nested arrays of a full service (everything but its locations)."""
    sid = str(service.id)
    return {
        "schedules": [schedule(s) for s in service.schedules.all()],
        "service_areas": [
            _compact(
                {
                    "id": str(a.id),
                    "service_id": sid,
                    "name": a.name,
                    "service_area": a.description or a.name,
                    "uri": a.uri,
                }
            )
            for a in service.service_areas.all()
        ],
        "languages": [
            _compact(
                {
                    "id": str(lang.id),
                    "service_id": sid,
                    "name": lang.name,
                    "code": lang.code,
                    "note": lang.note,
                }
            )
            for lang in service.languages.all()
        ],
        "funding": [],
        "cost_options": [
            _compact(
                {
                    "id": str(c.id),
                    "service_id": sid,
                    "option": c.option,
                    "amount": float(c.amount) if c.amount is not None else None,
                    "amount_description": c.amount_description,
                    "valid_from": _date(c.valid_from),
                    "valid_to": _date(c.valid_to),
                }
            )
            for c in service.cost_options.all()
        ],
        "contacts": [
            _compact(
                {
                    "id": str(c.id),
                    "service_id": sid,
                    "name": c.name,
                    "title": c.title,
                    "email": c.email,
                    "phones": [{"id": str(c.phone_id), "contact_id": str(c.id), "number": c.phone}]
                    if c.phone
                    else [],
                }
            )
            for c in service.contacts.all()
        ],
        "phones": [
            _compact(
                {
                    "id": str(p.id),
                    "service_id": sid,
                    "number": p.number,
                    "description": p.description,
                }
            )
            for p in service.phones.all()
        ],
        "attributes": attributes(service),
    }


def service_full(service: Service) -> dict:
    data = service_summary(service)
    data.update(_details(service))
    data["service_at_locations"] = [
        _compact(
            {
                "id": str(site.id),
                "service_id": str(service.id),
                "location_id": str(site.location_id),
                "description": site.description,
                "location": location(site.location),
            }
        )
        for site in public_sites(service)
    ]
    return data


def service_at_location(site: ServiceAtLocation, full: bool = False) -> dict:
    service = site.service
    nested_service = service_summary(service)
    if full:
        nested_service.update(_details(service))
    return _compact(
        {
            "id": str(site.id),
            "service_id": str(site.service_id),
            "location_id": str(site.location_id),
            "description": site.description,
            "location": location(site.location, full=full),
            "service": nested_service,
        }
    )
