"""`/ws/concerns/`: new reports, live, to Contextual safeguarding coordinators only.

A fully signed-in staff session (security/staff_sockets.py) holding the coordinators'
permission; the origin is checked by asgi.py before this runs. Everyone else is refused at the
handshake: moderators, leads and analysts never hear that a report arrived."""

from security.staff_sockets import Refused, StaffGroupConsumer

from .live import COORDINATORS_GROUP
from .permissions import can_coordinate


class ConcernsConsumer(StaffGroupConsumer):
    def group_for(self, user) -> str:
        if not can_coordinate(user):
            raise Refused
        return COORDINATORS_GROUP

    async def report_received(self, event):
        await self.send_json({"type": "report", "report": event["report"]})
