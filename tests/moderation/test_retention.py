"""Retention (`manage.py purge_expired`): exact positions, rejected contributions and their
photos, items left without a contribution; the audit keeps no free text of what is deleted."""

import io
from datetime import timedelta
from pathlib import Path

import pytest

from django.core.management import call_command
from django.utils import timezone

from moderation import services
from moderation.models import AuditAction, AuditEntry, ModerationItem
from moderation.retention import purge_expired
from participation.models import Pin
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db


def aged(pin, days, field="created_at"):
    ModerationItem.objects.filter(pk=pin.moderation_id).update(
        **{field: timezone.now() - timedelta(days=days)}
    )


def test_a_waiting_pin_keeps_its_exact_position_at_most_90_days():
    fresh, old = ScannedPinFactory(), ScannedPinFactory()
    aged(fresh, 89)
    aged(old, 91)
    exact = (old.lat, old.lng)
    report = purge_expired()
    assert report.locations == 1
    fresh.refresh_from_db()
    old.refresh_from_db()
    assert not fresh.coarsened
    assert old.coarsened and (old.lat, old.lng) != exact
    assert ModerationItem.objects.get(pk=old.moderation_id).status == "pending"
    assert AuditEntry.objects.filter(
        item_id=old.moderation_id, action=AuditAction.LOCATION_PURGED
    ).exists()
    assert purge_expired().locations == 0  # done once


def test_rejected_contributions_and_their_photos_go_after_30_days(
    moderator, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    photo = tmp_path / "abc.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg")
    recent = ScannedPinFactory(comment="buy cheap trainers at example.com")
    old = ScannedPinFactory(comment="my mate Jayden is a legend", photo="abc.jpg")
    for pin in (recent, old):
        services.reject(pin.moderation_id, moderator, reason="spam", note="advert, Jayden")
    aged(old, 31, field="decided_at")
    aged(recent, 29, field="decided_at")
    with django_capture_on_commit_callbacks(execute=True):  # files go once the rows are gone
        report = purge_expired()
    assert report.deleted == 1
    assert Pin.objects.filter(pk=recent.pk).exists()
    assert not Pin.objects.filter(pk=old.pk).exists()
    assert not ModerationItem.objects.filter(pk=old.moderation_id).exists()
    assert not Path(photo).exists()
    for entry in AuditEntry.objects.for_item(old.moderation_id):
        assert "Jayden" not in f"{entry.note}{entry.before_text}{entry.after_text}"
    assert (
        AuditEntry.objects.for_item(old.moderation_id).filter(action=AuditAction.DELETED).exists()
    )


def test_an_item_whose_contribution_is_gone_is_removed():
    pin = ScannedPinFactory()
    Pin.objects.filter(pk=pin.pk).delete()
    assert purge_expired().orphans == 1
    assert not ModerationItem.objects.filter(pk=pin.moderation_id).exists()


def test_the_values_are_settings(settings):
    settings.MODERATION_PENDING_LOCATION_DAYS = 10
    pin = ScannedPinFactory()
    aged(pin, 11)
    assert purge_expired().locations == 1


def test_the_command_reports_what_it_did():
    pin = ScannedPinFactory()
    aged(pin, 100)
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    assert "exact positions removed: 1" in out.getvalue()
