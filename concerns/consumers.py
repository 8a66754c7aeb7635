"""`/ws/concerns/`: new reports, live, to Contextual safeguarding coordinators only.

A fully signed-in staff session (security/staff_sockets.py) holding the coordinators'
permission; the origin is checked by asgi.py before this runs. Everyone else is refused at the
handshake: moderators, leads and analysts never hear that a report arrived."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from security.staff_sockets import StaffSocketMixin

from .live import COORDINATORS_GROUP
from .permissions import can_coordinate

REFUSED = 4403


class ConcernsConsumer(StaffSocketMixin, AsyncJsonWebsocketConsumer):
    joined = False

    async def connect(self):
        if not await database_sync_to_async(can_coordinate)(self.scope.get("user")):
            await self.close(code=REFUSED)
            return
        if not await self.staff_socket_open():
            return
        await self.channel_layer.group_add(COORDINATORS_GROUP, self.channel_name)
        self.joined = True
        await self.accept()

    async def disconnect(self, code):
        if self.joined:
            await self.channel_layer.group_discard(COORDINATORS_GROUP, self.channel_name)
            self.joined = False
        await self.staff_socket_close()

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def report_received(self, event):
        await self.send_json({"type": "report", "report": event["report"]})
