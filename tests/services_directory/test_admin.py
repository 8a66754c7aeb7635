"""Staff editing in Wagtail's admin: Directory managers, the needs-review list, sinking, reports,
and the gazetteer of named places."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from places.models import NamedPlace
from services_directory.dates import months_before
from services_directory.models import FeedbackStatus, ListingFeedback, Service
from tests.auth import make_staff, refused, sign_in
from tests.services_directory.factories import ServiceFactory, term

pytestmark = pytest.mark.django_db
SERVICES = "wagtailsnippets_services_directory_service"


@pytest.fixture
def manager_client(client):
    return sign_in(client, make_staff("Directory managers"))


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def test_months_before_clamps_to_month_end():
    assert months_before(datetime.date(2026, 5, 31), 3) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 12) == datetime.date(2025, 1, 15)
    assert months_before(datetime.date(2026, 11, 30), -3) == datetime.date(2027, 2, 28)


def test_next_review_defaults_to_three_months_after_the_check():
    service = ServiceFactory(assured_date=datetime.date(2026, 1, 10))
    assert service.next_review == datetime.date(2026, 4, 10)


def test_needs_review_and_sinking_rules():
    fresh = ServiceFactory(name="Fresh", assured_date=days_ago(10))
    due = ServiceFactory(name="Due", assured_date=days_ago(100))
    old = ServiceFactory(name="Old", assured_date=days_ago(400))
    never = ServiceFactory(name="Never", assured_date=None)
    reported = ServiceFactory(name="Reported", assured_date=days_ago(5))
    ListingFeedback.objects.create(service=reported, kind="closed")
    assert set(Service.objects.needing_review()) == {due, old, never, reported}
    assert set(Service.objects.sinking()) == {old, never}
    assert fresh not in Service.objects.needing_review()


def test_directory_managers_see_the_needs_review_list(manager_client):
    ServiceFactory(name="Checked last week", assured_date=days_ago(7))
    ServiceFactory(name="Checked in spring", assured_date=days_ago(120))
    response = manager_client.get(reverse(f"{SERVICES}:list"), {"review": "due"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Checked in spring" in html and "Checked last week" not in html
    sinking = manager_client.get(
        reverse(f"{SERVICES}:list"), {"review": "sinking"}
    ).content.decode()
    assert "Checked in spring" not in sinking


def test_the_admin_menu_and_dashboard_point_at_the_review_list(manager_client):
    ServiceFactory(assured_date=days_ago(120))
    home = manager_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Directory: records to check" in home
    assert "1 record needs review" in home
    assert "?review=due" in home
    assert "Needs review" in home  # the menu item


def test_other_staff_groups_cannot_edit_the_directory(client):
    sign_in(client, make_staff("Moderators"))
    assert refused(client.get(reverse(f"{SERVICES}:list")))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Directory: records to check" not in home


def test_a_manager_creates_and_publishes_a_service_with_its_times(manager_client):
    data = nested_form_data(
        {
            "name": "Saturday drop-in",
            "kind": "service",
            "status": "active",
            "description": "A drop-in for young people.",
            "slug": "",
            "minimum_age": "11",
            "maximum_age": "18",
            "assured_date": timezone.localdate().isoformat(),
            "languages": inline_formset([]),
            "phones": inline_formset([{"number": "0117 444 4444", "description": "Office"}]),
            "contacts": inline_formset([]),
            "schedules": inline_formset(
                [
                    {
                        "freq": "WEEKLY",
                        "opens_at": "18:00",
                        "closes_at": "21:00",
                    }
                ]
            ),
            "service_at_locations": inline_formset([]),
            "service_areas": inline_formset([]),
            "cost_options": inline_formset([]),
            "action-publish": "publish",
        }
    )
    # Multiple-choice fields post several values under one name (nested_form_data would split them).
    data["terms"] = [str(term("youth-clubs").id), str(term("young-people", "audiences").id)]
    data["schedules-0-byday"] = ["SA", "SU"]
    response = manager_client.post(reverse(f"{SERVICES}:add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    service = Service.objects.get(name="Saturday drop-in")
    assert service.live and service.slug == "saturday-drop-in"
    assert service.schedules.get().byday == "SA,SU"
    assert service.phones.get().number == "0117 444 4444"
    assert set(service.terms.values_list("slug", flat=True)) == {"youth-clubs", "young-people"}
    from services_directory.queries import search_services

    assert list(search_services(weekend=True, evening=True, age=14)) == [service]


def test_the_admin_form_refuses_an_upside_down_age_range(manager_client):
    data = nested_form_data(
        {
            "name": "Bad ages",
            "kind": "service",
            "status": "active",
            "description": "x",
            "minimum_age": "18",
            "maximum_age": "11",
            **{
                name: inline_formset([])
                for name in (
                    "languages",
                    "phones",
                    "contacts",
                    "schedules",
                    "service_at_locations",
                    "service_areas",
                    "cost_options",
                )
            },
        }
    )
    response = manager_client.post(reverse(f"{SERVICES}:add"), data)
    assert response.status_code == 200
    assert "must not be below the minimum age" in response.content.decode()
    assert not Service.objects.filter(name="Bad ages").exists()


def test_resolving_a_report_records_who(manager_client):
    service = ServiceFactory()
    feedback = ListingFeedback.objects.create(
        service=service, kind="out-of-date", comment="Old phone"
    )
    url = reverse("wagtailsnippets_services_directory_listingfeedback:edit", args=[feedback.pk])
    assert "Old phone" in manager_client.get(url).content.decode()
    response = manager_client.post(url, {"status": "resolved", "staff_note": "Phoned them."})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.RESOLVED and feedback.resolved_by is not None
    assert feedback.comment == "Old phone"  # read-only in the admin


def test_staff_edit_the_gazetteer(manager_client):
    place = NamedPlace.objects.get(slug="castle-park")
    url = reverse("wagtailsnippets_places_namedplace:list")
    assert "Castle Park" in manager_client.get(url, {"q": "castle"}).content.decode()
    edit = reverse("wagtailsnippets_places_namedplace:edit", args=[place.pk])
    response = manager_client.post(
        edit,
        {
            "name": "Castle Park",
            "slug": "castle-park",
            "kind": "park",
            "area": "Central",
            "aliases": "Castle Green",
            "lat": "51.4558",
            "lng": "-2.5885",
            "active": "on",
        },
    )
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.aliases == "Castle Green" and place.h3_r8  # cells recomputed on save


def test_reports_cannot_be_made_up_in_the_admin(manager_client):
    assert refused(
        manager_client.get(reverse("wagtailsnippets_services_directory_listingfeedback:add"))
    )


def test_inspect_view_of_a_service(manager_client):
    service = ServiceFactory(name="Inspected")
    url = reverse(f"{SERVICES}:inspect", args=[service.pk])
    assert "Inspected" in manager_client.get(url).content.decode()
