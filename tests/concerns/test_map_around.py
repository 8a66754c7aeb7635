"""An assessment shows young people's community map around its place exactly as published (the
released cells, the provision gaps of its part of the city) and nothing that is not: no month
not yet released, no cell with too few people, no pin awaiting moderation, no words or positions
of a pin."""

import datetime

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from places.geo import distance_miles
from places.models import NamedPlace
from tests.mapping.conftest import use_fresh_cache
from tests.mapping.factories import ReasonFactory, bulk_pins
from tests.mapping.helpers import SPOTS, crowd

from .factories import LocationAssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    use_fresh_cache(settings)


def nearest_place(position) -> NamedPlace:
    return min(NamedPlace.objects.active(), key=lambda p: distance_miles(position, p.position))


def page(client, assessment) -> str:
    url = reverse("concerns_assessments:detail", args=[assessment.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def public_cells_near(position, miles) -> dict[str, dict]:
    """The public API's cells within `miles`: what anyone can already see."""
    collection = Client().get("/api/v1/community-map.geojson").json()
    return {
        f["id"]: f["properties"]
        for f in collection["features"]
        if distance_miles(position, tuple(reversed(f["geometry"]["coordinates"][0][0]))) <= miles
    }


def test_only_published_cells_show_around_the_place(coordinator_client, settings):
    dark = ReasonFactory(slug="poorly-lit", label="Poorly lit")
    this_month = timezone.localdate().strftime("%Y-%m")
    bulk_pins(
        crowd(9, SPOTS[0], reasons=[dark], comment="SECRETWORDS about a person")
        # Not released yet: this month is still open.
        + crowd(9, SPOTS[1], first=100, period=this_month, comment="SECRETWORDS unreleased")
        # Waiting for moderation.
        + crowd(9, SPOTS[2], first=200, status="pending", comment="SECRETWORDS pending")
        # Too few people, in a month of their own.
        + crowd(3, SPOTS[3], first=300, period="2025-04", comment="SECRETWORDS few")
    )
    place = nearest_place(SPOTS[0])
    html = page(coordinator_client, LocationAssessmentFactory(place=place))
    public = public_cells_near(place.position, settings.CONCERNS_MAP_AROUND_MILES + 1)
    assert len(public) == 1
    ((cell, properties),) = public.items()
    assert f'data-map-cell="{cell}"' in html
    assert html.count("data-map-cell=") == 1
    assert f"<td>{properties['total']}</td>" in html
    assert "Poorly lit" in html
    assert "SECRETWORDS" not in html
    for lat, _ in SPOTS[:4]:
        assert f"{lat:.5f}"[:7] not in html


def test_a_month_shows_once_it_is_released(coordinator_client, settings):
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).strftime(
        "%Y-%m"
    )
    bulk_pins(crowd(9, SPOTS[0], period=last_month))
    assessment = LocationAssessmentFactory(place=nearest_place(SPOTS[0]))
    settings.MAP_RELEASE_AFTER_DAYS = 400  # last month is still in its moderation grace period
    assert "data-map-cell=" not in page(coordinator_client, assessment)
    settings.MAP_RELEASE_AFTER_DAYS = 0
    assert "data-map-cell=" in page(coordinator_client, assessment)


def test_the_provision_gaps_of_the_place_s_area_only(coordinator_client):
    from tests.participation.factories import ApprovedProposalFactory, ProposalFactory

    far = NamedPlace.objects.get(slug="knowle-west")
    bulk_pins(crowd(9, far.position, feeling="unsafe"))
    ApprovedProposalFactory(title="Friday youth club in Filwood", place=far, area="south")
    ProposalFactory(title="Waiting for moderation", place=far, area="south")
    html = page(coordinator_client, LocationAssessmentFactory(place=far))
    assert "Provision gaps in South Bristol" in html
    assert html.count("data-gap=") == 1
    assert "Friday youth club in Filwood" in html
    assert "Waiting for moderation" not in html
    elsewhere = NamedPlace.objects.exclude(area=far.area).exclude(area="").first()
    other = page(coordinator_client, LocationAssessmentFactory(place=elsewhere))
    assert "data-gap=" not in other


def test_an_assessment_without_a_place_shows_no_map(coordinator_client):
    bulk_pins(crowd(9, SPOTS[0]))
    html = page(coordinator_client, LocationAssessmentFactory(place=None))
    assert "Link the assessment to a named place" in html
    assert "data-map-cell=" not in html
