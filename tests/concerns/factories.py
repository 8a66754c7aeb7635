"""factory_boy factories for places of concern.

ConcernReportFactory(what_seen="...")          a new report, as the form stores one
LocationAssessmentFactory(title="...")         an open assessment
SafetyActionFactory(assessment=...)            an action of its safety plan
"""

import datetime
import uuid

import factory
from factory.django import DjangoModelFactory

from concerns.choices import PlaceType, Reporter
from concerns.models import ConcernReport, LocationAssessment, SafetyAction


class ConcernReportFactory(DjangoModelFactory):
    class Meta:
        model = ConcernReport

    idempotency_key = factory.LazyFunction(lambda: str(uuid.uuid4()))
    fingerprint = factory.LazyFunction(lambda: uuid.uuid4().hex)
    reporter = Reporter.PARENT
    place_type = PlaceType.TAKEAWAY
    categories = factory.LazyFunction(lambda: ["criminal-exploitation"])
    location_text = "The chicken shop by the bus station"
    when_text = "Weekday evenings"
    what_seen = "Older men handing small packages to boys in school uniform."


class LocationAssessmentFactory(DjangoModelFactory):
    class Meta:
        model = LocationAssessment

    title = factory.Sequence(lambda n: f"Takeaway on the high street {n}")


class SafetyActionFactory(DjangoModelFactory):
    class Meta:
        model = SafetyAction

    assessment = factory.SubFactory(LocationAssessmentFactory)
    description = "Licensing visit to the premises with the police"
    owner_agency = "Bristol City Council licensing"
    due_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
