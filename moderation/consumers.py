"""`/ws/moderation/`: the live queue for moderators, and safeguarding alerts for leads.

Staff only (a fully signed-in staff session, see security/staff_sockets.py) with a moderation
permission; the origin is checked by asgi.py before this runs. Moderators hear about unflagged
items only; leads hear about everything, and get the alerts nobody has acknowledged yet as they
connect."""

from channels.db import database_sync_to_async

from security.staff_sockets import Refused, StaffGroupConsumer

from .models import SafeguardingAlert
from .notify import LEADS_GROUP, QUEUE_GROUP, alert_payload
from .permissions import can_moderate, can_safeguard


def _open_alerts() -> list[dict]:
    alerts = SafeguardingAlert.objects.unacknowledged().select_related("item")[:50]
    return [alert_payload(alert) for alert in alerts]


class ModerationConsumer(StaffGroupConsumer):
    def group_for(self, user) -> str:
        # One group each: the leads' group hears every event, so a lead never gets one twice.
        if can_safeguard(user):
            return LEADS_GROUP
        if can_moderate(user):
            return QUEUE_GROUP
        raise Refused

    async def opened(self):
        if self.group == LEADS_GROUP:
            alerts = await database_sync_to_async(_open_alerts)()
            await self.send_json({"type": "alerts", "alerts": alerts})

    async def queue_event(self, event):
        await self.send_json({"type": "queue", "event": event["event"], "item": event["item"]})

    async def safeguarding_alert(self, event):
        await self.send_json({"type": "alert", "alert": event["alert"]})

    async def safeguarding_acknowledged(self, event):
        await self.send_json({"type": "acknowledged", "alert": event["alert"], "by": event["by"]})
