"""The coordinators' busiest screens cost a fixed, small number of queries: the queue, the
problem profile and an assessment are measured with one report, then with many (several pages of
the queue and of the profile's table, many reports linked to the assessment, many actions and
publications), and must not cost one query more. Speed itself is measured in `make bench`."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from concerns.choices import REPORT_CATEGORIES, PlaceType
from concerns.models import ConcernReport
from concerns.services import approve_publication, propose_publication
from places.models import NamedPlace
from staff.roles import CONTEXT_COORDINATORS
from tests.auth import make_staff

from .factories import ConcernReportFactory, LocationAssessmentFactory, SafetyActionFactory

pytestmark = pytest.mark.django_db

# Enough for the session, the second factor, Wagtail's menu and the page's own few reads.
SMALL = 30
KINDS = [value for value, _ in PlaceType.choices]
CATEGORIES = [slug for slug, _ in REPORT_CATEGORIES]


def counted(client, url) -> int:
    client.get(url)  # the first visit fills per-process caches (menus, the published map)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def many_reports(n, **fields):
    places = list(NamedPlace.objects.all()[:6])
    now = timezone.now()
    for i in range(n):
        ConcernReportFactory(
            named_place=places[i % len(places)] if i % 3 else None,
            place_type=KINDS[i % len(KINDS)],
            categories=CATEGORIES[i % 3 : i % 3 + i % 3],
            created_at=now - datetime.timedelta(days=31 * (i % 5)),
            **fields,
        )


@pytest.fixture
def place():
    return NamedPlace.objects.get(name="Broadmead")


@pytest.mark.parametrize(
    "url",
    [
        reverse("concerns_reports:index"),
        reverse("concerns_reports:index") + "?p=2",
        reverse("concerns_profile:index"),
        reverse("concerns_profile:index") + "?p=2",
    ],
)
def test_the_queue_and_the_profile_do_not_grow_with_reports(
    coordinator_client, settings, django_assert_max_num_queries, url
):
    settings.CONCERNS_PROFILE_ROWS_PER_PAGE = 10
    ConcernReportFactory()
    few = counted(coordinator_client, url)
    assert few <= SMALL, few
    many_reports(160)
    assert ConcernReport.objects.count() > 3 * 50  # more than three pages of the queue
    with django_assert_max_num_queries(few):
        response = coordinator_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and "data-" in html
    if "profile" in url:
        assert "Page " in html  # the table is paged


def test_an_assessment_does_not_grow_with_its_reports_actions_or_publications(
    coordinator_client, place, django_assert_max_num_queries
):
    assessment = LocationAssessmentFactory(place=place)
    ConcernReportFactory(assessment=assessment, status="linked", named_place=place)

    def actions(numbers):
        # Every part of the page shows from the first: an open action, a completed one proposed
        # for "You said, we did", and (later) one published.
        for i in numbers:
            action = SafetyActionFactory(assessment=assessment, rag="done" if i % 2 else "amber")
            if i % 2:
                publication = propose_publication(
                    action,
                    make_staff(CONTEXT_COORDINATORS),
                    area="central",
                    you_said=f"Young people said the square felt unsafe ({i}).",
                    we_did=f"Youth workers are there on Fridays now ({i}).",
                )
                if i == 3:
                    approve_publication(publication, make_staff(CONTEXT_COORDINATORS))

    actions(range(2))
    url = reverse("concerns_assessments:detail", args=[assessment.pk])
    few = counted(coordinator_client, url)
    assert few <= SMALL, few

    many_reports(40, assessment=assessment, status="linked")
    actions(range(2, 8))
    with django_assert_max_num_queries(few):
        response = coordinator_client.get(url)
    html = response.content.decode()
    assert html.count("concerns-gathered") == 41 and html.count("data-plan-action") == 8
    assert 'data-publication="published"' in html and 'data-publication="proposed"' in html
    print_url = reverse("concerns_assessments:print", args=[assessment.pk])
    with django_assert_max_num_queries(few):
        assert coordinator_client.get(print_url).status_code == 200
