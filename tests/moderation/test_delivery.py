"""Alert delivery never blocks or fails the contributor's request: it runs after the commit as
a background task; the alert row, written with the flag, makes it durable. A failing mail server
neither fails nor slows a submission and the alert goes out once it recovers; a process stopped
between the commit and the delivery still delivers."""

import time
import uuid
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from moderation import due
from moderation.models import SafeguardingAlert
from moderation.services import scan_item
from staff.roles import SAFEGUARDING_LEADS
from tests.auth import make_staff
from tests.participation.factories import PinFactory


def make_lead():
    user = make_staff(SAFEGUARDING_LEADS)
    user.email = f"{user.username}@leads.example"
    user.save()
    return user


DISCLOSURE = '{"feeling": "unsafe", "place": "easton", "comment": "he said hed stab me if i tell"}'


@pytest.fixture
def reference_data(transactional_db):
    """The gazetteer and the staff groups, back after a transactional test's flush."""
    from staff.sync import sync_roles
    from tests.participation.factories import ensure_reference_data

    ensure_reference_data()
    sync_roles()


def submit(client):
    started = time.monotonic()
    response = client.post(
        "/api/v1/pins",
        data=DISCLOSURE,
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    return response, time.monotonic() - started


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_does_not_fail_a_submission_and_the_alert_goes_once_it_recovers(
    client, reference_data, settings, mailoutbox
):
    lead = make_lead()
    settings.EMAIL_BACKEND = "tests.moderation.mail_backends.Down"
    response, _ = submit(client)
    assert response.status_code in (200, 201, 202) and response.json()["status"] == "pending"
    alert = SafeguardingAlert.objects.get()
    assert alert.item.flagged and alert.email_sent_at is None
    assert alert.email_failures == 1 and alert.retry_at is not None
    # Still down a minute later: tried again, still not lost.
    due.every_minute(alert.retry_at)
    alert.refresh_from_db()
    assert alert.email_failures == 2 and alert.sends == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    due.every_minute(alert.retry_at)
    alert.refresh_from_db()
    assert alert.email_sent_at is not None and alert.retry_at is None
    (email,) = mailoutbox
    assert "Weapons and violence" in email.body and email.to == [lead.email]
    # Delivered once: the next minute sends nothing more until the re-alert is due.
    due.every_minute(alert.retry_at or timezone.now() + timedelta(minutes=1))
    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_with_the_production_queue_a_slow_mail_server_does_not_slow_a_submission(
    client, reference_data, settings, mailoutbox
):
    make_lead()
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "moderation": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    settings.EMAIL_BACKEND = "tests.moderation.mail_backends.Slow"
    response, took = submit(client)
    assert response.status_code in (200, 201, 202)
    assert took < 4  # the slow server takes 5 seconds: the request never waited for it
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "moderation.tasks.deliver_alert"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command(
        "db_worker", "--batch", "--backend", "moderation", "--no-startup-delay", "--no-reload"
    )
    assert len(mailoutbox) == 1
    assert SafeguardingAlert.objects.get().email_sent_at is not None


@pytest.mark.django_db
def test_a_process_stopped_between_the_commit_and_the_delivery_still_delivers(
    lead, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        pin = PinFactory(comment="i want to kill myself")
    # The scan's commit flags the item and writes the alert; then the process stops, so the
    # delivery queued after that commit never runs.
    with django_capture_on_commit_callbacks(execute=False) as never_run:
        scan_item(pin.moderation_id)
    assert never_run and mailoutbox == []
    assert SafeguardingAlert.objects.get().sends == 0
    call_command("send_safeguarding_alerts")
    assert len(mailoutbox) == 1 and "Self-harm and suicide" in mailoutbox[0].body
    call_command("send_safeguarding_alerts")
    assert len(mailoutbox) == 1
