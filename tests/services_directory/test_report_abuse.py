""" "Report a problem" on a service is anonymous: a bot check, a rate limit per client address,
and no personal data stored for the Directory managers to read."""

import pytest

from security.antibot import HONEYPOT_FIELD, STARTED_FIELD, started_token
from services_directory.models import ListingFeedback
from tests.services_directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_a_flood_from_one_address_gets_429_with_retry_after(client, settings):
    allowed, window = settings.PARTICIPATION_RATE_LIMITS["listing-report-address"]
    service = ServiceFactory()
    for _ in range(allowed):
        assert client.post(service.get_absolute_url(), {"kind": "closed"}).status_code == 302
    response = client.post(service.get_absolute_url(), {"kind": "closed", "comment": "kept"})
    assert response.status_code == 429 and response["Retry-After"] == str(window)
    html = response.content.decode()
    assert "Many reports were sent from here" in html and "kept" in html
    assert ListingFeedback.objects.count() == allowed
    other = client.post(service.get_absolute_url(), {"kind": "closed"}, REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 302


@pytest.mark.parametrize(
    "trap",
    # Built when the test runs: a token made at collection is no longer "instant".
    [lambda: {HONEYPOT_FIELD: "http://spam.example"}, lambda: {STARTED_FIELD: started_token()}],
)
def test_the_bot_check_refuses_a_filled_honeypot_or_an_instant_send(client, settings, trap):
    settings.FORM_MIN_FILL_SECONDS = 3
    service = ServiceFactory()
    response = client.post(service.get_absolute_url(), {"kind": "closed", **trap()})
    assert response.status_code == 400
    assert "press Send again" in response.content.decode()
    assert not ListingFeedback.objects.exists()


def test_the_form_carries_the_bot_check(client):
    html = client.get(ServiceFactory().get_absolute_url()).content.decode()
    assert f'name="{HONEYPOT_FIELD}"' in html and f'name="{STARTED_FIELD}"' in html


def test_personal_data_in_a_report_is_redacted_before_managers_see_it(client):
    service = ServiceFactory()
    comment = "Closed. Ring me on 07700 900123 or mail sam@example.org, I live at BS5 6XY."
    assert (
        client.post(service.get_absolute_url(), {"kind": "closed", "comment": comment}).status_code
        == 302
    )
    stored = ListingFeedback.objects.get().comment
    assert stored.startswith("Closed.")
    for personal in ("07700", "900123", "sam@example.org", "BS5 6XY"):
        assert personal not in stored
    assert "[phone number removed]" in stored and "[email removed]" in stored


def test_old_reports_are_deleted_by_the_retention_job(settings):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    days = settings.DIRECTORY_REPORT_KEEP_DAYS
    service = ServiceFactory()
    old = timezone.now() - timedelta(days=days + 1)
    ListingFeedback.objects.bulk_create(
        [
            ListingFeedback(service=service, kind="closed", resolved_at=old),
            ListingFeedback(service=service, kind="closed"),
            ListingFeedback(service=service, kind="closed", resolved_at=timezone.now()),
            ListingFeedback(service=service, kind="closed"),
        ]
    )
    never_resolved, recent = ListingFeedback.objects.filter(resolved_at__isnull=True)
    ListingFeedback.objects.filter(pk=never_resolved.pk).update(created_at=old)
    call_command("purge_expired")
    assert ListingFeedback.objects.count() == 2
    assert not ListingFeedback.objects.filter(pk=never_resolved.pk).exists()
    assert ListingFeedback.objects.filter(pk=recent.pk).exists()
