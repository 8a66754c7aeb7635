"""factory_boy factories of the directory."""

import datetime

import factory

from django.utils import timezone

from places.models import NamedPlace
from services_directory.models import (
    Address,
    Contact,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)


def term(slug: str, taxonomy: str = "needs") -> TaxonomyTerm:
    return TaxonomyTerm.objects.get(taxonomy__slug=taxonomy, slug=slug)


def place(slug: str) -> NamedPlace:
    return NamedPlace.objects.get(slug=slug)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    description = "A Bristol organisation."


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Service {n}")
    description = "Support for young people in Bristol."
    organization = factory.SubFactory(OrganizationFactory)
    assured_date = factory.LazyFunction(timezone.localdate)
    live = True

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        for slug in extracted or []:
            self.terms.add(term(slug))
        if extracted:
            self.save()

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        for slug in extracted or []:
            self.terms.add(term(slug, "audiences"))
        if extracted:
            self.save()


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Centre {n}")
    lat = 51.4545
    lng = -2.5879


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    location = factory.SubFactory(LocationFactory)
    address_1 = factory.Sequence(lambda n: f"{n} Example Street")
    postal_code = "BS1 1AA"


def at(service: Service, location: Location) -> ServiceAtLocation:
    return ServiceAtLocation.objects.create(service=service, location=location)


def opens(service: Service, byday: str, opens_at: str, closes_at: str, **kwargs) -> Schedule:
    return Schedule.objects.create(
        service=service,
        byday=byday,
        opens_at=datetime.time.fromisoformat(opens_at),
        closes_at=datetime.time.fromisoformat(closes_at),
        **kwargs,
    )


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    service = factory.SubFactory(ServiceFactory)
    name = "Duty worker"
    phone = "0117 000 0000"


def full_service(**overrides) -> Service:
    """A published service with every part filled in: what the schema tests check."""
    from decimal import Decimal

    from services_directory.models import (
        Accessibility,
        CostOption,
        Language,
        Phone,
        ServiceArea,
    )

    org = OrganizationFactory(
        name="Full Org",
        email="hello@example.org",
        website="https://example.org/",
        charity_number="1234567",
    )
    fields = {
        "name": "Full service",
        "organization": org,
        "description": "Everything filled in.",
        "url": "https://example.org/full",
        "email": "full@example.org",
        "fees": "Free for under 18s.",
        "accreditations": "Quality mark",
        "minimum_age": 11,
        "maximum_age": 18,
        "alert": "Closed on bank holidays.",
        "how_to_access": "Call us.",
        "self_referral": True,
        "professional_referral": True,
        "needs": ["criminal-exploitation", "mentoring"],
        "audiences": ["young-people"],
    }
    fields.update(overrides)
    service = ServiceFactory(**fields)
    location = LocationFactory(name="Full centre", place=place("easton"), lat=None, lng=None)
    AddressFactory(location=location, address_1="1 Public Road", postal_code="BS5 6AA")
    Accessibility.objects.create(location=location, description="Step-free entrance")
    site = at(service, location)
    opens(service, "MO,WE", "18:00", "21:00", description="Drop-in", service_at_location=site)
    Phone.objects.create(service=service, number="0117 111 1111", description="Referral line")
    ContactFactory(service=service, name="Duty worker", email="duty@example.org")
    CostOption.objects.create(service=service, option="Adults", amount=Decimal("5.00"))
    Language.objects.create(service=service, name="Somali", code="so")
    ServiceArea.objects.create(service=service, name="City of Bristol")
    return service
