"""factory_boy factories of the directory."""

import datetime

import factory
from django.utils import timezone

from services_directory.models import (
    Address,
    Contact,
    Location,
    NamedPlace,
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
