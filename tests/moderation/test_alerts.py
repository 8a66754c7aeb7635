"""Safeguarding alerts: live to the leads' channel group and by email after the commit, without
the contributor's words; sent again every 15 minutes until a lead acknowledges."""

import asyncio
import io
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer

from django.core.management import call_command
from django.utils import timezone

from moderation import safeguarding
from moderation.models import SafeguardingAlert
from moderation.notify import LEADS_GROUP, QUEUE_GROUP
from tests.participation.factories import PinFactory

pytestmark = pytest.mark.django_db

DISCLOSURE = "he said hed stab me if i tell anyone, my number is 07700 900123"


def listen(action, wait=0.5):
    """Runs `action` while channels listen on the leads' and moderators' groups, as connected
    sockets would, and returns (its result, {group: messages})."""

    async def receive_all(layer, channel):
        messages = []
        while True:
            try:
                messages.append(await asyncio.wait_for(layer.receive(channel), wait))
            except TimeoutError:
                return messages

    async def run():
        # One event loop for the whole exchange: the Redis layer keeps its subscriptions per loop.
        layer = get_channel_layer()
        channels = {group: await layer.new_channel() for group in (LEADS_GROUP, QUEUE_GROUP)}
        for group, channel in channels.items():
            await layer.group_add(group, channel)
        result = await sync_to_async(action)()
        received = {group: await receive_all(layer, ch) for group, ch in channels.items()}
        for group, channel in channels.items():
            await layer.group_discard(group, channel)
        return result, received

    return async_to_sync(run)()


def flag(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pin = PinFactory(comment=DISCLOSURE)
    return SafeguardingAlert.objects.get(item_id=pin.moderation_id)


def test_the_alert_reaches_leads_live_and_by_email_without_the_words(
    lead, mailoutbox, django_capture_on_commit_callbacks
):
    alert, received = listen(lambda: flag(django_capture_on_commit_callbacks))
    to_leads = received[LEADS_GROUP]
    assert sorted(m["type"] for m in to_leads) == ["queue.event", "safeguarding.alert"]
    payload = next(m for m in to_leads if m["type"] == "safeguarding.alert")["alert"]
    assert payload["categories"] == ["weapons-violence"] and payload["item"] == str(alert.item_id)
    # General moderators hear nothing of a flagged item.
    assert received[QUEUE_GROUP] == []
    (email,) = mailoutbox
    assert email.to == [lead.email]
    assert (
        "Weapons and violence" in email.body
        and f"/admin/moderation/safeguarding/{alert.item_id}/" in email.body
    )
    for words in ("stab", "07700", "tell anyone"):
        assert words not in email.body and words not in email.subject
        assert words not in str(payload)


def test_an_unacknowledged_alert_is_sent_again_after_15_minutes(
    lead, mailoutbox, django_capture_on_commit_callbacks
):
    alert = flag(django_capture_on_commit_callbacks)
    sent_at = alert.last_sent_at
    assert safeguarding.resend_unacknowledged_alerts(now=sent_at + timedelta(minutes=14)) == 0
    sent, received = listen(
        lambda: safeguarding.resend_unacknowledged_alerts(now=sent_at + timedelta(minutes=15))
    )
    assert sent == 1
    assert len(mailoutbox) == 2 and "reminder 1" in mailoutbox[1].subject
    (again,) = received[LEADS_GROUP]
    assert again["type"] == "safeguarding.alert" and again["alert"]["sends"] == 2
    # The next reminder counts from this sending.
    assert safeguarding.resend_unacknowledged_alerts(now=sent_at + timedelta(minutes=29)) == 0
    assert safeguarding.resend_unacknowledged_alerts(now=sent_at + timedelta(minutes=31)) == 1


def test_acknowledging_stops_the_reminders(lead, mailoutbox, django_capture_on_commit_callbacks):
    alert = flag(django_capture_on_commit_callbacks)
    safeguarding.acknowledge(alert.pk, lead)
    assert safeguarding.resend_unacknowledged_alerts(now=timezone.now() + timedelta(hours=2)) == 0
    assert len(mailoutbox) == 1
    alert.refresh_from_db()
    assert alert.acknowledged_by == lead


def test_the_periodic_command_sends_what_is_due(
    lead, mailoutbox, django_capture_on_commit_callbacks
):
    alert = flag(django_capture_on_commit_callbacks)
    SafeguardingAlert.objects.filter(pk=alert.pk).update(
        last_sent_at=timezone.now() - timedelta(minutes=16)
    )
    out = io.StringIO()
    call_command("send_safeguarding_alerts", stdout=out)
    assert "sent again: 1" in out.getvalue()
    assert len(mailoutbox) == 2


def test_a_shared_inbox_also_gets_alerts(settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.SAFEGUARDING_ALERT_EMAILS = ["leads@kbsp.example"]
    flag(django_capture_on_commit_callbacks)
    assert mailoutbox[0].to == ["leads@kbsp.example"]
