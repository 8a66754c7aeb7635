"""/ws/workshop/<code>/ with channels' WebsocketCommunicator, through the real ASGI stack
(origin check, sessions, staff check): who may connect, and which events reach which socket."""

import uuid

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator

from django.test import Client

from moderation.services import approve
from participation.models import Pin
from participation.services import delete_receipt
from security.staff_sockets import CLOSE_CODE
from staff.roles import EDITORS, MODERATORS, PARTNERSHIP_ANALYSTS, WORKSHOP_FACILITATORS
from staff.sync import sync_roles
from tests.auth import make_staff, sign_in, websocket_headers
from workshops.consumers import NOT_ALLOWED, NOT_FOUND
from workshops.models import WorkshopStatus
from workshops.services.workshops import set_status

from .workshop_factories import WorkshopFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _staff_and_reference_data(reference_data):
    from website.site_tree import ensure_site_tree

    # Transactional tests flush what migrations made: the page tree, groups and permissions.
    ensure_site_tree()
    sync_roles()


def application():
    # Built per test: the origin validator reads ALLOWED_HOSTS when it is constructed.
    from website.asgi import build_application

    return build_application()


async def open_socket(client, code, origin="http://testserver"):
    communicator = WebsocketCommunicator(
        application(), f"/ws/workshop/{code}/", headers=websocket_headers(client, origin)
    )
    connected, close_code = await communicator.connect(timeout=5)
    return communicator, connected, close_code


def pin_form(**changes) -> dict:
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "feeling": "unsafe",
        "place": "easton",
        "reasons_unsafe": ["poor-lighting"],
        "comment": "Dark by the underpass.",
    }
    return {**data, **changes}


def facilitator_client():
    return sign_in(Client(), make_staff(WORKSHOP_FACILITATORS))


def test_a_signed_in_facilitator_connects_and_gets_the_workshop_as_it_stands():
    workshop = WorkshopFactory()
    Client().post(f"/workshop/{workshop.code}/", pin_form())
    client = facilitator_client()

    async def scenario():
        socket, connected, _ = await open_socket(client, workshop.code.lower())
        first = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return connected, first

    connected, first = async_to_sync(scenario)()
    assert connected
    assert first["type"] == "snapshot" and first["status"] == WorkshopStatus.OPEN
    assert first["total"] == 1 and first["participants"] == 1
    assert first["pins"][0]["feeling"] == "unsafe"
    assert first["pins"][0]["comment"] == ""  # not moderated yet: no words on the screen


def test_non_staff_foreign_origins_and_unknown_codes_are_refused():
    workshop = WorkshopFactory()
    facilitator = facilitator_client()
    analyst = sign_in(Client(), make_staff(PARTNERSHIP_ANALYSTS))
    editor = sign_in(Client(), make_staff(EDITORS))
    password_only = Client()
    password_only.force_login(make_staff(EDITORS))  # no second factor

    async def scenario():
        attempts = [
            (Client(), workshop.code, "http://testserver"),  # nobody signed in
            (password_only, workshop.code, "http://testserver"),
            (analyst, workshop.code, "http://testserver"),  # staff, but not running workshops
            (editor, workshop.code, "http://testserver"),  # may set one up, not run it
            (facilitator, workshop.code, "https://evil.example"),  # another site's page
            (facilitator, "AAAAAA", "http://testserver"),  # no such workshop
        ]
        results = []
        for client, code, origin in attempts:
            socket, connected, close_code = await open_socket(client, code, origin)
            results.append((connected, close_code))
            await socket.disconnect()
        return results

    results = async_to_sync(scenario)()
    assert [connected for connected, _ in results] == [False] * 6
    # 4401: not a fully signed-in staff session; 1000: channels' origin check turned the handshake
    # down before any consumer ran.
    assert [code for _, code in results] == [
        CLOSE_CODE,
        CLOSE_CODE,
        NOT_ALLOWED,
        NOT_ALLOWED,
        1000,
        NOT_FOUND,
    ]


def test_a_pin_reaches_its_own_workshops_socket_and_no_other():
    ours, theirs = WorkshopFactory(), WorkshopFactory()
    client = facilitator_client()
    participant = Client()

    async def scenario():
        mine, _, _ = await open_socket(client, ours.code)
        other, _, _ = await open_socket(client, theirs.code)
        await mine.receive_json_from(timeout=5)  # the snapshots
        await other.receive_json_from(timeout=5)
        response = await sync_to_async(participant.post)(f"/workshop/{ours.code}/", pin_form())
        assert response.status_code == 201
        event = await mine.receive_json_from(timeout=5)
        silent = await other.receive_nothing(timeout=0.5)
        await mine.disconnect()
        await other.disconnect()
        return event, silent

    event, silent = async_to_sync(scenario)()
    assert silent
    pin = Pin.objects.get()
    assert event["type"] == "pin"
    assert event["pin"]["id"] == str(pin.pk)
    assert event["pin"]["feeling"] == "unsafe" and event["pin"]["reasons"] == ["Poor lighting"]
    assert event["pin"]["comment"] == "" and "Dark" not in str(event)
    assert event["participants"] == 1 and event["total"] == 1
    assert event["reasons"][0]["count"] == 1


def test_a_comment_reaches_the_screen_only_once_approved_and_status_changes_follow():
    workshop = WorkshopFactory()
    client = facilitator_client()
    moderator = make_staff(superuser=True)

    def add_and_approve():
        Client().post(f"/workshop/{workshop.code}/", pin_form())
        pin = Pin.objects.get()
        approve(
            pin.moderation_id,
            moderator,
            published_text="Dark by the [place].",
            no_sign_of_harm=True,
        )
        set_status(workshop, WorkshopStatus.PAUSED)

    async def scenario():
        socket, _, _ = await open_socket(client, workshop.code)
        await socket.receive_json_from(timeout=5)
        await sync_to_async(add_and_approve)()
        events = [await socket.receive_json_from(timeout=5) for _ in range(3)]
        await socket.disconnect()
        return events

    pin_event, comment, status = async_to_sync(scenario)()
    assert pin_event["type"] == "pin" and pin_event["pin"]["comment"] == ""
    assert comment == {
        "type": "comment",
        "id": pin_event["pin"]["id"],
        "comment": "Dark by the [place].",
    }
    assert status["type"] == "status" and status["status"] == WorkshopStatus.PAUSED


def test_signing_out_closes_the_facilitators_socket():
    workshop = WorkshopFactory()
    client = facilitator_client()

    async def scenario():
        socket, connected, _ = await open_socket(client, workshop.code)
        await socket.receive_json_from(timeout=5)
        await sync_to_async(client.post)("/admin/logout/")
        closed = await socket.receive_output(timeout=5)
        return connected, closed

    connected, closed = async_to_sync(scenario)()
    assert connected and closed == {"type": "websocket.close", "code": CLOSE_CODE}


def test_a_pin_deleted_with_its_receipt_code_leaves_the_screen():
    workshop = WorkshopFactory()
    Client().post(f"/workshop/{workshop.code}/", pin_form())
    pin = Pin.objects.select_related("receipt").get()
    client = facilitator_client()

    async def scenario():
        socket, _, _ = await open_socket(client, workshop.code)
        first = await socket.receive_json_from(timeout=5)
        await sync_to_async(delete_receipt)(pin.receipt)
        removed = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return first, removed

    first, removed = async_to_sync(scenario)()
    assert [shown["id"] for shown in first["pins"]] == [str(pin.pk)]
    assert removed["type"] == "removed" and removed["id"] == str(pin.pk)
    assert removed["total"] == 0 and removed["participants"] == 0


def test_a_moderator_may_run_a_workshop_too():
    workshop = WorkshopFactory()
    moderator = sign_in(Client(), make_staff(MODERATORS))

    async def scenario():
        socket, connected, _ = await open_socket(moderator, workshop.code)
        await socket.disconnect()
        return connected

    assert async_to_sync(scenario)()
