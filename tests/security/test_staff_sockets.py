"""Staff websockets close when the session behind them ends: at once on sign-out, deactivation
or a password change; within the re-check interval whatever else ended it."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.auth import AuthMiddlewareStack
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.routing import URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from channels.testing import WebsocketCommunicator

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import path

from security.staff_sockets import CLOSE_CODE, StaffSocketMixin
from staff.sync import sync_roles
from tests.auth import make_staff, sign_in, websocket_headers

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _staff_groups(transactional_db):
    # Transactional tests flush the groups the migrations made; restore them rather than use
    # serialized rollback, which collides with the content types a flush recreates.
    sync_roles()


class ProbeConsumer(StaffSocketMixin, AsyncJsonWebsocketConsumer):
    """A minimal staff consumer, wired the way the app consumers are."""

    async def connect(self):
        if not await self.staff_socket_open():
            return
        await self.accept()

    async def disconnect(self, code):
        await self.staff_socket_close()


def application():
    return AllowedHostsOriginValidator(
        AuthMiddlewareStack(URLRouter([path("ws/probe/", ProbeConsumer.as_asgi())]))
    )


async def open_socket(client):
    communicator = WebsocketCommunicator(
        application(), "/ws/probe/", headers=websocket_headers(client)
    )
    connected, _ = await communicator.connect()
    return communicator, connected


async def closed_with(communicator, timeout=3) -> int | None:
    message = await communicator.receive_output(timeout=timeout)
    assert message["type"] == "websocket.close", message
    return message.get("code")


def test_only_a_fully_signed_in_staff_session_may_connect():
    staff = make_staff(superuser=True)
    verified = sign_in(Client(), staff)
    password_only = Client()
    password_only.force_login(make_staff(superuser=True))

    async def scenario():
        results = []
        for client in (verified, password_only, Client()):
            communicator, connected = await open_socket(client)
            results.append(connected)
            await communicator.disconnect()
        return results

    assert async_to_sync(scenario)() == [True, False, False]


def test_signing_out_closes_that_sessions_socket_and_no_other():
    staff = make_staff(superuser=True)
    laptop, phone = sign_in(Client(), staff), sign_in(Client(), staff)

    async def scenario():
        on_laptop, _ = await open_socket(laptop)
        on_phone, _ = await open_socket(phone)
        await sync_to_async(laptop.post)("/admin/logout/")
        code = await closed_with(on_laptop)
        assert await on_phone.receive_nothing(timeout=0.3)
        await on_phone.disconnect()
        return code

    assert async_to_sync(scenario)() == CLOSE_CODE


def test_deactivating_the_account_closes_all_its_sockets():
    staff = make_staff(superuser=True)
    laptop, phone = sign_in(Client(), staff), sign_in(Client(), staff)

    def deactivate():
        staff.is_active = False
        staff.save()

    async def scenario():
        sockets = [(await open_socket(client))[0] for client in (laptop, phone)]
        await sync_to_async(deactivate)()
        return [await closed_with(socket) for socket in sockets]

    assert async_to_sync(scenario)() == [CLOSE_CODE, CLOSE_CODE]


def test_a_session_ended_any_other_way_is_noticed_by_the_recheck(settings):
    settings.STAFF_SOCKET_RECHECK_SECONDS = 0.2
    staff = make_staff(superuser=True)
    client = sign_in(Client(), staff)
    session_key = client.session.session_key

    async def scenario():
        socket, connected = await open_socket(client)
        assert connected
        assert await socket.receive_nothing(timeout=0.5)  # still valid: stays open
        await sync_to_async(Session.objects.filter(session_key=session_key).delete)()
        return await closed_with(socket, timeout=2)

    assert async_to_sync(scenario)() == CLOSE_CODE


def test_signing_out_closes_the_moderators_live_queue():
    """The same through the real websocket stack of asgi.py and moderation's consumer."""
    from staff.roles import MODERATORS
    from website.asgi import build_application

    moderator = sign_in(Client(), make_staff(MODERATORS))

    async def scenario():
        socket = WebsocketCommunicator(
            build_application(), "/ws/moderation/", headers=websocket_headers(moderator)
        )
        connected, _ = await socket.connect()
        assert connected
        await sync_to_async(moderator.post)("/admin/logout/")
        return await closed_with(socket)

    assert async_to_sync(scenario)() == CLOSE_CODE
