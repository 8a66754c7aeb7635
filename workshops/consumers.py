"""The websocket behind a workshop's live screen: /ws/workshop/<code>/ (staff only).

The handshake is refused unless the socket carries a fully signed-in staff session (second factor
included; see security.staff_sockets, which also closes the socket when that session ends) of
someone who may run workshops (Moderators and Workshop facilitators: the screen shows pins
before moderation), and the code names a workshop. The socket only listens (a ping gets a pong): the
screen's buttons (pause, close) are ordinary forms."""

from channels.db import database_sync_to_async

from security.staff_sockets import REFUSED_CLOSE_CODE, Refused, StaffGroupConsumer

from .live import group_name, snapshot
from .models import Workshop
from .models.workshops import normalise_code

NOT_ALLOWED = REFUSED_CLOSE_CODE
NOT_FOUND = 4404
RUN_PERMISSION = "workshops.run_workshop"


class WorkshopConsumer(StaffGroupConsumer):
    workshop = None

    def group_for(self, user) -> str:
        if not user.has_perm(RUN_PERMISSION):
            raise Refused(NOT_ALLOWED)
        code = normalise_code(self.scope["url_route"]["kwargs"]["code"])
        self.workshop = Workshop.objects.filter(code=code).first() if code else None
        if self.workshop is None:
            raise Refused(NOT_FOUND)
        return group_name(self.workshop.code)

    async def opened(self):
        await self.send_json(await database_sync_to_async(snapshot)(self.workshop))

    async def workshop_event(self, event):
        await self.send_json(event["data"])
