"""`/ws/moderation/`: staff only, origin-checked; moderators get the live queue of unflagged
items, leads also get flagged items and alerts; across server processes through Redis."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from websockets.sync.client import connect as ws_connect

from django.conf import settings
from django.db import connection
from django.test import Client

from staff.roles import MODERATORS, SAFEGUARDING_LEADS
from staff.sync import sync_roles
from tests.auth import make_staff, sign_in, websocket_headers
from tests.participation.factories import PinFactory
from tests.servers import free_port
from website.asgi import build_application

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def staff_groups(transactional_db):
    # Transactional tests flush the tables the migrations filled (the staff groups among them).
    sync_roles()


ROOT = Path(__file__).resolve().parents[2]


async def attempt(headers):
    communicator = WebsocketCommunicator(build_application(), "/ws/moderation/", headers=headers)
    connected, _ = await communicator.connect()
    await communicator.disconnect()
    return connected


def test_refused_to_non_staff_other_staff_and_foreign_or_missing_origins():
    lead = sign_in(Client(), make_staff(SAFEGUARDING_LEADS))
    other_staff = sign_in(Client(), make_staff())
    cases = {
        "anonymous": websocket_headers(Client()),
        "other staff": websocket_headers(other_staff),
        "a lead, foreign origin": websocket_headers(lead, origin="https://evil.example"),
        "a lead, no origin": [h for h in websocket_headers(lead) if h[0] != b"origin"],
        "a lead": websocket_headers(lead),
    }
    results = {name: async_to_sync(attempt)(headers) for name, headers in cases.items()}
    assert results == {
        "anonymous": False,
        "other staff": False,
        "a lead, foreign origin": False,
        "a lead, no origin": False,
        "a lead": True,
    }


def test_moderators_see_the_queue_live_and_never_a_disclosure():
    moderator = sign_in(Client(), make_staff(MODERATORS))

    async def scenario():
        socket = WebsocketCommunicator(
            build_application(), "/ws/moderation/", headers=websocket_headers(moderator)
        )
        assert (await socket.connect())[0]
        await sync_to_async(PinFactory)(comment="i want to kill myself")
        await sync_to_async(PinFactory)(comment="the lights are broken")
        event = await socket.receive_json_from(timeout=10)
        nothing_more = await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()
        return event, nothing_more

    event, nothing_more = async_to_sync(scenario)()
    assert event["type"] == "queue" and event["event"] == "new"
    assert event["item"]["flagged"] is False and "lights" not in json.dumps(event)
    assert nothing_more


def test_leads_get_open_alerts_on_connect_and_new_ones_live():
    lead = sign_in(Client(), make_staff(SAFEGUARDING_LEADS))
    PinFactory(comment="he said hed stab me")  # before the lead connects

    async def scenario():
        socket = WebsocketCommunicator(
            build_application(), "/ws/moderation/", headers=websocket_headers(lead)
        )
        assert (await socket.connect())[0]
        first = await socket.receive_json_from(timeout=10)
        await sync_to_async(PinFactory)(comment="my dad locks me in my room")
        received = [await socket.receive_json_from(timeout=10) for _ in range(2)]
        await socket.disconnect()
        return first, received

    first, received = async_to_sync(scenario)()
    assert first["type"] == "alerts" and len(first["alerts"]) == 1
    alert = next(m for m in received if m["type"] == "alert")["alert"]
    assert alert["categories"] == ["abuse-at-home"] and "room" not in json.dumps(alert)


needs_redis_and_postgres = pytest.mark.skipif(
    not (os.environ.get("REDIS_URL") and connection.vendor == "postgresql"),
    reason="two server processes share PostgreSQL and Redis",
)


@pytest.fixture
def second_server():
    """A second server process (uvicorn) on the same test database and Redis."""
    port = free_port()
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.test",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{connection.settings_dict['NAME']}",
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "website.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--lifespan",
            "off",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/moderation-statistics/", timeout=2)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("the second server did not start") from None
            time.sleep(0.2)
    yield f"127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@needs_redis_and_postgres
def test_an_alert_raised_in_one_server_process_reaches_a_lead_on_another(
    asgi_server, second_server
):
    lead = sign_in(Client(), make_staff(SAFEGUARDING_LEADS))
    moderator = sign_in(Client(), make_staff(MODERATORS))
    pin = PinFactory(comment="the lights by the river are broken")
    cookie = "; ".join(f"{k}={m.value}" for k, m in lead.cookies.items())
    with ws_connect(
        f"ws://{second_server}/ws/moderation/",
        additional_headers={"Origin": f"http://{second_server}", "Cookie": cookie},
        open_timeout=10,
    ) as socket:
        assert json.loads(socket.recv(timeout=5))["type"] == "alerts"
        # A moderator escalates it through the other server (this test's own process).
        cookies = {k: m.value for k, m in moderator.cookies.items()}
        with httpx.Client(base_url=asgi_server.url, cookies=cookies) as http:
            page = http.get(f"/admin/moderation/queue/{pin.moderation_id}/")
            assert page.status_code == 200
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            response = http.post(
                f"/admin/moderation/queue/{pin.moderation_id}/escalate/",
                data={"csrfmiddlewaretoken": token, "note": "she mentions an older man"},
            )
            assert response.status_code == 302
        messages = [json.loads(socket.recv(timeout=10)) for _ in range(2)]
    alert = next(m for m in messages if m["type"] == "alert")["alert"]
    assert alert["item"] == str(pin.moderation_id) and alert["source"] == "moderator"
