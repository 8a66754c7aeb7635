"""`/ws/moderation/`: the live queue for moderators, and safeguarding alerts for leads.

Staff only (a fully signed-in staff session, see security/staff_sockets.py) with a moderation
permission; the origin is checked by asgi.py before this runs. Moderators hear about unflagged
items only; leads hear about everything, and get the alerts nobody has acknowledged yet as they
connect."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from security.staff_sockets import StaffSocketMixin

from .models import SafeguardingAlert
from .notify import LEADS_GROUP, QUEUE_GROUP, alert_payload
from .permissions import can_moderate, can_safeguard

REFUSED = 4403


def _roles(user) -> tuple[bool, bool]:
    return can_moderate(user), can_safeguard(user)


def _open_alerts() -> list[dict]:
    alerts = SafeguardingAlert.objects.unacknowledged().select_related("item")[:50]
    return [alert_payload(alert) for alert in alerts]


class ModerationConsumer(StaffSocketMixin, AsyncJsonWebsocketConsumer):
    group = None

    async def connect(self):
        moderator, lead = await database_sync_to_async(_roles)(self.scope.get("user"))
        if not (moderator or lead):
            await self.close(code=REFUSED)
            return
        if not await self.staff_socket_open():
            return
        # One group each: the leads' group hears every event, so a lead never gets one twice.
        self.group = LEADS_GROUP if lead else QUEUE_GROUP
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        if lead:
            alerts = await database_sync_to_async(_open_alerts)()
            await self.send_json({"type": "alerts", "alerts": alerts})

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)
            self.group = None
        await self.staff_socket_close()

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def queue_event(self, event):
        await self.send_json({"type": "queue", "event": event["event"], "item": event["item"]})

    async def safeguarding_alert(self, event):
        await self.send_json({"type": "alert", "alert": event["alert"]})

    async def safeguarding_acknowledged(self, event):
        await self.send_json({"type": "acknowledged", "alert": event["alert"], "by": event["by"]})
