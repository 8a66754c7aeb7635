"""Nothing waits unnoticed: every open item has a due time; overdue items raise one backlog
alert, re-alerted until a lead acknowledges it; an item left unscanned is scanned late by the
minute job, or escalated if scanning fails."""

import io
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from moderation import due, safeguarding
from moderation.models import AlertKind, ModerationItem, ModerationStatus, SafeguardingAlert
from moderation.services import submit_for_moderation
from tests.moderation.factories import ScannedPinFactory
from tests.participation.factories import PinFactory

pytestmark = pytest.mark.django_db


def test_every_item_is_due_in_24_hours_and_a_workshop_pin_in_2(settings):
    settings.MODERATION_DUE_HOURS, settings.MODERATION_WORKSHOP_DUE_HOURS = 24, 2
    item = ScannedPinFactory().moderation
    assert item.due_at - item.created_at == pytest.approx(
        timedelta(hours=24), abs=timedelta(seconds=5)
    )
    pin = PinFactory.build(comment="dark here", moderated=None)
    workshop_item = submit_for_moderation(pin, kind="pin", workshop="KX4P")
    assert workshop_item.due_at - workshop_item.created_at == pytest.approx(
        timedelta(hours=2), abs=timedelta(seconds=5)
    )


def overdue(*pins, by=timedelta(minutes=1)):
    ModerationItem.objects.filter(pk__in=[p.moderation_id for p in pins]).update(
        due_at=timezone.now() - by
    )


def test_overdue_items_raise_one_backlog_alert_re_alerted_until_acknowledged(lead, mailoutbox):
    first, second, later = ScannedPinFactory.create_batch(3)
    assert due.every_minute()["backlog"] == 0 and mailoutbox == []
    overdue(first, second)
    now = timezone.now()
    assert due.every_minute(now)["backlog"] == 1
    alert = SafeguardingAlert.objects.get(kind=AlertKind.BACKLOG)
    assert alert.item is None and alert.overdue_count == 2
    (email,) = mailoutbox
    assert "2 contributions" in email.body and "past their due time" in email.subject
    # One alert, not one a minute nor one per item: a newly late item joins it.
    overdue(later)
    due.every_minute(now + timedelta(minutes=1))
    assert SafeguardingAlert.objects.filter(kind=AlertKind.BACKLOG).count() == 1
    assert SafeguardingAlert.objects.get(pk=alert.pk).overdue_count == 3
    assert len(mailoutbox) == 1
    # Re-alerted like any other alert until a lead acknowledges it.
    due.every_minute(now + timedelta(minutes=15))
    assert len(mailoutbox) == 2 and "reminder 1" in mailoutbox[1].subject
    safeguarding.acknowledge(alert.pk, lead)
    due.every_minute(now + timedelta(hours=2))
    assert len(mailoutbox) == 2


def test_a_decided_item_is_never_overdue(moderator, lead, mailoutbox):
    pin = ScannedPinFactory(comment="")
    from moderation import services

    services.approve(pin.moderation_id, moderator)
    overdue(pin)
    assert due.every_minute()["backlog"] == 0 and mailoutbox == []


def test_the_alerts_page_shows_the_backlog_alert(lead, lead_client, mailoutbox):
    overdue(ScannedPinFactory())
    due.every_minute()
    html = lead_client.get("/admin/moderation/safeguarding/alerts/").content.decode()
    assert "1 contributions past their due time" in html and "Open the queue" in html


def unscanned(django_capture_on_commit_callbacks, comment):
    # The process stopped after the commit: the after-commit scan never ran.
    with django_capture_on_commit_callbacks(execute=False):
        pin = PinFactory(comment=comment)
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert item.scanned_at is None
    return item


def test_an_item_left_unscanned_is_scanned_by_the_minute_job(
    lead, mailoutbox, django_capture_on_commit_callbacks
):
    item = unscanned(django_capture_on_commit_callbacks, "i want to kill myself")
    # Not yet: its own process may still be scanning it.
    assert due.every_minute()["scanned"] == 0
    done = due.every_minute(timezone.now() + timedelta(seconds=61))
    assert done["scanned"] == 1
    item.refresh_from_db()
    assert item.scanned_at is not None and item.flagged and item.risk_level == "likely"
    # Its alert went out in the same run.
    assert len(mailoutbox) == 1 and "Self-harm and suicide" in mailoutbox[0].body


def test_an_item_that_cannot_be_scanned_is_escalated_by_the_minute_job(
    lead, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    item = unscanned(django_capture_on_commit_callbacks, "something the scan chokes on")

    def broken(item_id):
        raise RuntimeError("scanner broken")

    monkeypatch.setattr("moderation.services.scan_item", broken)
    out = io.StringIO()
    ModerationItem.objects.filter(pk=item.pk).update(
        created_at=timezone.now() - timedelta(minutes=2)
    )
    call_command("send_safeguarding_alerts", stdout=out)
    assert "late scans: 1" in out.getvalue()
    item.refresh_from_db()
    assert item.flagged and item.status == ModerationStatus.ESCALATED
    assert item.alerts.get().source == "scan-failed"
    assert len(mailoutbox) == 1
    # Escalated once: the next minute leaves it with the leads.
    assert due.every_minute(timezone.now() + timedelta(minutes=1))["scanned"] == 0
