"""factory_boy factories for moderation. Contributions are real participation pins and ideas
(from tests/participation/factories.py), handed over with `submit_for_moderation` and scanned
exactly as after a real commit.

    ScannedPinFactory(comment="text me on 07700 900123")   pending, scanned, personal data found
    ScannedPinFactory(comment="i want to kill myself")      flagged, escalated, alert raised
    ScannedProposalFactory(why="...")
    ScanPhraseFactory(category="missing", phrase="...")
"""

import factory
from factory.django import DjangoModelFactory

from moderation.models import ScanPhrase
from moderation.services import scan_item
from tests.participation.factories import PinFactory, ProposalFactory


def _scan(contribution, create, extracted, **kwargs):
    if create:
        scan_item(contribution.moderation_id)
        contribution.moderation.refresh_from_db()


class ScannedPinFactory(PinFactory):
    comment = "The underpass by the station feels unsafe at night."
    scanned = factory.PostGeneration(_scan)


class ScannedProposalFactory(ProposalFactory):
    scanned = factory.PostGeneration(_scan)


class ScanPhraseFactory(DjangoModelFactory):
    class Meta:
        model = ScanPhrase

    category = "criminal-exploitation"
    phrase = factory.Sequence(lambda n: f"made me mind the thing number {n}")
