""" "Report a problem" on a service page while another process holds SQLite's write lock past the
busy timeout: 503 with Retry-After, the page with the report as typed, nothing saved; the same
Send once the lock is free goes through."""

import re

import pytest

from services_directory.models import ListingFeedback
from tests.services_directory.factories import ServiceFactory
from tests.sqlite_lock import skip_unless_sqlite, write_lock_held_elsewhere

pytestmark = pytest.mark.django_db(transaction=True)


def test_report_a_problem(client):
    skip_unless_sqlite()
    from wagtail.models import Site

    from website.models import SafetySettings
    from website.site_tree import ensure_site_tree

    ensure_site_tree()
    # Wagtail creates a site's settings row on first use; a live site has it long before.
    SafetySettings.for_site(Site.objects.get(is_default_site=True))
    service = ServiceFactory(name="Old listing")
    report = {"kind": "closed", "comment": "It shut last month."}
    with write_lock_held_elsewhere():
        response = client.post(service.get_absolute_url(), report)
    assert response.status_code == 503, response.content[:300]
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert "We are very busy" in html
    assert "It shut last month.</textarea>" in html
    assert re.search(r'<input[^>]*value="closed"[^>]*checked', html)
    assert not ListingFeedback.objects.exists()
    again = client.post(service.get_absolute_url(), report)
    assert again.status_code == 302
    assert ListingFeedback.objects.get().comment == "It shut last month."


def test_report_a_problem_with_a_disclosure(client):
    # The report, its leads' copy, the moderation item and the alert are one write: all or none.
    from moderation.models import ModerationItem, SafeguardingAlert
    from services_directory.models import ReportedDisclosure

    skip_unless_sqlite()
    from wagtail.models import Site

    from website.models import SafetySettings
    from website.site_tree import ensure_site_tree

    ensure_site_tree()
    SafetySettings.for_site(Site.objects.get(is_default_site=True))
    service = ServiceFactory()
    report = {"kind": "other", "comment": "my step dad hits me when hes drunk"}
    with write_lock_held_elsewhere():
        response = client.post(service.get_absolute_url(), report)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert not ReportedDisclosure.objects.exists() and not ModerationItem.objects.exists()
    assert client.post(service.get_absolute_url(), report).status_code == 302
    assert SafeguardingAlert.objects.count() == 1
