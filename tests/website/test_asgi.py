"""The websocket stack of asgi.py checks origins before anything else sees the connection."""

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from website.asgi import build_application


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "headers",
    [
        [(b"origin", b"https://evil.example")],
        [],
    ],
    ids=["foreign-origin", "missing-origin"],
)
def test_websocket_from_a_foreign_or_missing_origin_is_refused(headers):
    async def attempt():
        communicator = WebsocketCommunicator(
            build_application(), "/ws/moderation/", headers=headers
        )
        connected, _ = await communicator.connect()
        await communicator.disconnect()
        return connected

    assert async_to_sync(attempt)() is False
