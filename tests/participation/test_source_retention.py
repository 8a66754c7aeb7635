"""Retention of the keyed network fingerprints (participation/retention.py): settled into random
tokens once they are no longer needed, every count unchanged, run by `manage.py purge_expired`."""

import io
from datetime import datetime, timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from mapping.aggregation import aggregate_month
from mapping.selection import Filters
from participation.models import Pin, Support
from participation.retention import SETTLED, last_settled_month, settle_sources
from participation.services.proposals import support_count
from participation.sources import network_source
from tests.mapping.factories import bulk_pins
from tests.mapping.helpers import crowd
from tests.participation.factories import ApprovedProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db

NETWORK = network_source("203.0.113.9")


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))


def test_a_month_is_settled_two_weeks_after_it_ends(settings):
    assert settings.PARTICIPATION_PIN_SOURCE_DAYS > settings.MAP_RELEASE_AFTER_DAYS
    assert last_settled_month(at(2025, 4, 14)) == "2025-02"  # March ended 14 days ago: not yet
    assert last_settled_month(at(2025, 4, 15)) == "2025-03"


def test_pins_of_a_released_month_lose_their_fingerprint_and_keep_their_counts():
    # March: nine people, four of them pinning from one network; a fresh month left alone.
    others = [
        {**pin, "source": network_source(f"198.51.100.{n}")} for n, pin in enumerate(crowd(5))
    ]
    bulk_pins(
        others
        + crowd(4, first=10, source=NETWORK)
        + crowd(9, first=50, period=timezone.localtime().strftime("%Y-%m"))
    )
    before = aggregate_month("2025-03", Filters()).cells
    settled = settle_sources()
    assert settled.pins == 9
    march = Pin.objects.filter(period="2025-03")
    assert not march.filter(source=NETWORK).exists()
    assert all(source.startswith(SETTLED) for source in march.values_list("source", flat=True))
    # The four from one network still share one token: still one source, so the same numbers.
    assert march.values("source").distinct().count() == 6
    assert aggregate_month("2025-03", Filters()).cells == before
    assert settle_sources().pins == 0  # idempotent
    assert not Pin.objects.exclude(period="2025-03").filter(source__startswith=SETTLED).exists()


def test_supports_settle_after_the_period_and_the_count_stays(settings):
    idea = ApprovedProposalFactory()
    SupportFactory.create_batch(3, proposal=idea, source=NETWORK)
    SupportFactory.create_batch(2, proposal=idea)
    Support.objects.update(
        created_at=timezone.now() - timedelta(days=settings.PARTICIPATION_SUPPORT_SOURCE_DAYS + 1)
    )
    fresh = SupportFactory(proposal=idea, source=NETWORK)
    assert support_count(idea) == 3
    assert settle_sources().supports == 5
    assert not Support.objects.exclude(pk=fresh.pk).filter(source=NETWORK).exists()
    # The old three share one token; the fresh support is counted apart once more (the cost,
    # said in retention.py): 4, never 6.
    assert support_count(idea) == 4


def test_purge_expired_runs_it():
    bulk_pins(crowd(2, source=NETWORK))
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    assert "network fingerprints settled: 2 pins, 0 supports" in out.getvalue()
    assert not Pin.objects.filter(source=NETWORK).exists()
