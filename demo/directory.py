"""`seed(log)` for `manage.py seed_demo`: the directory's demo content (see directory_data.py).

Idempotent: every record has a fixed id; a record that already exists is left as staff left it."""

import datetime
import uuid

from django.utils import timezone

from places.models import NamedPlace
from services_directory.models import (
    Location,
    Organization,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceKind,
    TaxonomyTerm,
)
from services_directory.reference_data import ensure_reference_data
from services_directory.vocabulary import NAMESPACE

from .directory_data import DEMO_ALERT, ORGANISATIONS, PLACES, SERVICES, STRATEGY


def _id(kind: str, slug: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"demo/{kind}/{slug}")


def _terms(needs, audiences=(), place_types=()) -> list[TaxonomyTerm]:
    wanted = [("needs", s) for s in needs] + [("audiences", s) for s in audiences]
    wanted += [("place-types", s) for s in place_types]
    terms = []
    for taxonomy, slug in wanted:
        terms.append(TaxonomyTerm.objects.get(taxonomy__slug=taxonomy, slug=slug))
    return terms


def _organisations() -> dict[str, Organization]:
    orgs = {}
    for key, (name, description, website) in ORGANISATIONS.items():
        orgs[key], _ = Organization.objects.get_or_create(
            id=_id("organisation", key),
            defaults={"name": name, "description": description, "website": website},
        )
    return orgs


def _seed_services(orgs) -> int:
    created = 0
    for slug, name, org, description, needs, audiences, self_ref, pro_ref, ages in SERVICES:
        service_id = _id("service", slug)
        if Service.objects.filter(pk=service_id).exists():
            continue
        service = Service(
            id=service_id,
            slug=slug,
            name=name,
            organization=orgs[org],
            description=description,
            alert=f"{STRATEGY}: check current details with the service.",
            how_to_access=(
                "The strategy does not give contact details. Ask a professional who knows you "
                "(a teacher, social worker, GP or youth worker) to refer you"
                + (", or contact the service yourself." if self_ref else ".")
            ),
            self_referral=self_ref,
            professional_referral=pro_ref,
            minimum_age=ages[0],
            maximum_age=ages[1],
        )
        service.save()
        service.terms.set(_terms(needs, audiences))
        service.service_areas.add(ServiceArea(name="City of Bristol"))
        service.save()
        created += 1
    return created


def _seed_places(orgs) -> int:
    created = 0
    for slug, name, place_slug, place_type, needs, description, sessions, ages in PLACES:
        service_id = _id("service", slug)
        if Service.objects.filter(pk=service_id).exists():
            continue
        place = NamedPlace.objects.get(slug=place_slug)
        location, _ = Location.objects.get_or_create(
            id=_id("location", slug), defaults={"name": place.name, "place": place}
        )
        service = Service(
            id=service_id,
            slug=slug,
            name=name,
            kind=ServiceKind.ASSET,
            organization=orgs["demo"],
            description=description,
            alert=DEMO_ALERT,
            how_to_access="Just turn up: no referral needed.",
            self_referral=True,
            minimum_age=ages[0],
            maximum_age=ages[1],
            free=True,
            is_demo=True,
            assured_date=timezone.localdate(),
        )
        service.save()
        service.terms.set(_terms(needs, ["young-people"], [place_type]))
        service.service_at_locations.add(ServiceAtLocation(location=location))
        for days, opens, closes in sessions:
            service.schedules.add(
                Schedule(
                    byday=days,
                    opens_at=datetime.time.fromisoformat(opens),
                    closes_at=datetime.time.fromisoformat(closes),
                )
            )
        service.save()
        created += 1
    return created


def seed(log) -> None:
    ensure_reference_data()
    orgs = _organisations()
    services = _seed_services(orgs)
    places = _seed_places(orgs)
    log(f"Directory: {services} services from the strategy, {places} demo community places added")
