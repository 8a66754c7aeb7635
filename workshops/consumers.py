"""The websocket behind a workshop's live screen: /ws/workshop/<code>/ (staff only).

The handshake is refused unless the socket carries a fully signed-in staff session (second factor
included; see security.staff_sockets, which also closes the socket when that session ends) of
someone who may run workshops (Moderators and Workshop facilitators: the screen shows pins
before moderation), and the code names a workshop. The socket only listens: the
screen's buttons (pause, close) are ordinary forms."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from security.staff_sockets import StaffSocketMixin

from .live import group_name, snapshot
from .models import Workshop
from .models.workshops import normalise_code

NOT_ALLOWED = 4403
NOT_FOUND = 4404
RUN_PERMISSION = "workshops.run_workshop"


class WorkshopConsumer(StaffSocketMixin, AsyncJsonWebsocketConsumer):
    group = ""

    async def connect(self):
        if not await self.staff_socket_open():
            return
        if not await database_sync_to_async(self.scope["user"].has_perm)(RUN_PERMISSION):
            await self.staff_socket_close()
            await self.close(code=NOT_ALLOWED)
            return
        code = normalise_code(self.scope["url_route"]["kwargs"]["code"])
        workshop = await database_sync_to_async(self._workshop)(code)
        if workshop is None:
            await self.staff_socket_close()
            await self.close(code=NOT_FOUND)
            return
        self.group = group_name(workshop.code)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json(await database_sync_to_async(snapshot)(workshop))

    @staticmethod
    def _workshop(code):
        return Workshop.objects.filter(code=code).first() if code else None

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)
        await self.staff_socket_close()

    async def receive_json(self, content, **kwargs):
        """The screen sends nothing the server acts on."""

    async def workshop_event(self, event):
        await self.send_json(event["data"])
