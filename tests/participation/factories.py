"""factory_boy factories for participation: pins, ideas, their moderation, answers.

Every contribution is handed to moderation exactly as the services do (`submit_for_moderation`);
the `Approved...` factories then record a person's approval, with the published text moderation
would keep, so `published()` lets them through. Other apps' tests use these too.

    PinFactory()                          pending, at a random spot in central Bristol
    PinFactory(flagged=True)              pending and flagged by the scan
    ApprovedPinFactory(feeling="safe")    public
    ProposalFactory(), ApprovedProposalFactory(status="planned", response="...")
"""

import random
import uuid

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from moderation.models import ModerationStatus
from moderation.services import submit_for_moderation
from participation.codes import keyed_hash
from participation.models import (
    Area,
    Feeling,
    LocationSource,
    Outcome,
    Pin,
    ProgressNote,
    Proposal,
    ProposalKind,
    ProposalWhen,
    Reason,
    Support,
)
from participation.reasons import ensure_default_reasons
from participation.sources import network_source
from places.geo import cells_for
from workshops.models import Exercise

CENTRE = (51.4545, -2.5879)


def ensure_reference_data() -> None:
    """The gazetteer and the default reasons, which data migrations load: transactional tests
    (live servers, browsers) flush them away, so they call this to put them back."""
    from places.gazetteer import PLACES
    from places.models import NamedPlace

    for slug, name, kind, area, aliases, lat, lng in PLACES:
        NamedPlace.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "area": area,
                "aliases": aliases,
                "lat": lat,
                "lng": lng,
            },
        )
    ensure_default_reasons(Reason)


def contributor_hash(n=None) -> str:
    """A contributor as the platform stores one: the keyed hash of a random token."""
    return keyed_hash("contributor", f"factory-token-{n if n is not None else uuid.uuid4()}")


def near_centre(spread: float = 0.02) -> tuple[float, float]:
    return (
        round(CENTRE[0] + random.uniform(-spread, spread), 6),
        round(CENTRE[1] + random.uniform(-spread, spread), 6),
    )


class ExerciseFactory(DjangoModelFactory):
    class Meta:
        model = Exercise
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"exercise-{n}")
    title = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


class ReasonFactory(DjangoModelFactory):
    class Meta:
        model = Reason
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"reason-{n}")
    label = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    feeling = Feeling.UNSAFE


def _moderate(contribution, *, status, flagged, workshop=""):
    exercise = getattr(getattr(contribution, "exercise", None), "slug", "")
    item = submit_for_moderation(
        contribution,
        kind=contribution.moderation_kind,
        exercise=exercise,
        workshop=workshop,
        has_photo=bool(getattr(contribution, "photo", "")),
    )
    if status != ModerationStatus.PENDING or flagged:
        item.status = status
        item.flagged = flagged
        if status == ModerationStatus.REJECTED:
            item.rejection_reason = "other"
        if status == ModerationStatus.APPROVED:
            item.published_text = contribution.moderation_text()
            item.decided_at = timezone.now()
        item.save()
    contribution.moderation = item
    contribution.save(update_fields=["moderation"])


def moderation_step(default=ModerationStatus.PENDING):
    """moderated=<ModerationStatus> (the default unless told), moderated__flagged=True."""

    def decide(contribution, create, extracted, flagged=False, **kwargs):
        if create:
            _moderate(contribution, status=extracted or default, flagged=flagged)

    return factory.PostGeneration(decide)


class PinFactory(DjangoModelFactory):
    class Meta:
        model = Pin
        skip_postgeneration_save = True

    class Params:
        position = factory.LazyFunction(near_centre)

    feeling = Feeling.UNSAFE
    when = ""
    comment = ""
    location_source = LocationSource.MAP
    lat = factory.LazyAttribute(lambda o: o.position[0])
    lng = factory.LazyAttribute(lambda o: o.position[1])
    h3_r7 = factory.LazyAttribute(lambda o: cells_for(o.lat, o.lng)["h3_r7"])
    h3_r8 = factory.LazyAttribute(lambda o: cells_for(o.lat, o.lng)["h3_r8"])
    h3_r9 = factory.LazyAttribute(lambda o: cells_for(o.lat, o.lng)["h3_r9"])
    contributor = factory.LazyFunction(contributor_hash)
    period = factory.LazyFunction(lambda: timezone.localtime().strftime("%Y-%m"))

    @factory.post_generation
    def reasons(pin, create, extracted, **kwargs):
        if create and extracted:
            pin.reasons.set(extracted)

    moderated = moderation_step()


class ApprovedPinFactory(PinFactory):
    moderated = moderation_step(ModerationStatus.APPROVED)


class ProposalFactory(DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"A youth club on Friday nights, number {n}")
    what = ProposalKind.YOUTH_CLUB
    area = Area.SOUTH
    when = ProposalWhen.EVENINGS
    why = "Somewhere warm to go with friends, with adults we trust."
    contributor = factory.LazyFunction(contributor_hash)

    moderated = moderation_step()


class ApprovedProposalFactory(ProposalFactory):
    moderated = moderation_step(ModerationStatus.APPROVED)


class ProgressNoteFactory(DjangoModelFactory):
    class Meta:
        model = ProgressNote

    proposal = factory.SubFactory(ApprovedProposalFactory)
    text = "We met the youth service to look for a building."


class SupportFactory(DjangoModelFactory):
    class Meta:
        model = Support

    proposal = factory.SubFactory(ApprovedProposalFactory)
    contributor = factory.LazyFunction(contributor_hash)
    # A supporter from a network of its own, unless a test says otherwise.
    source = factory.LazyAttribute(lambda support: network_source(f"net-{support.contributor}"))


class OutcomeFactory(DjangoModelFactory):
    class Meta:
        model = Outcome
        skip_postgeneration_save = True

    area = Area.SOUTH
    you_said = "There is nothing to do on Friday nights."
    we_did = "A youth club opens on Fridays from 6pm at the community centre."

    @factory.post_generation
    def proposals(outcome, create, extracted, **kwargs):
        if create and extracted:
            outcome.proposals.set(extracted)
