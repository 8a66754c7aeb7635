"""Across server processes (PostgreSQL + Redis only): a pin accepted by one uvicorn process
reaches a facilitator whose websocket is held by another.

The facilitator's socket is on the test's own live server (a uvicorn thread); the participant
posts to a second uvicorn process started here, on the same test database and Redis. Only the
channel layer (Redis) can carry the event from one to the other."""

import http.cookiejar
import json
import re
import urllib.parse
import urllib.request
import uuid

import pytest
from websockets.sync.client import connect

from django.conf import settings
from django.db import connection
from django.test import Client

from bench.harness import BenchServer
from participation.models import Pin
from staff.roles import WORKSHOP_FACILITATORS
from staff.sync import sync_roles
from tests.auth import make_staff, sign_in

from .workshop_factories import WorkshopFactory

ON_POSTGRES_AND_REDIS = connection.vendor == "postgresql" and "Redis" in str(
    settings.CHANNEL_LAYERS["default"]["BACKEND"]
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not ON_POSTGRES_AND_REDIS,
        reason="needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): on SQLite each process has "
        "its own in-memory channel layer, so no event can cross between processes",
    ),
]


@pytest.fixture
def second_process(asgi_server, reference_data):
    """uvicorn in a process of its own, serving the same test database and Redis."""
    url = settings.DATABASES["default"]
    database_url = (
        f"postgres://{url['USER']}:{url['PASSWORD']}@{url['HOST'] or '127.0.0.1'}:"
        f"{url['PORT'] or 5432}/{connection.settings_dict['NAME']}"
    )
    server = BenchServer(
        "workshop-second-process",
        env={"DJANGO_SETTINGS_MODULE": "website.settings.test", "DATABASE_URL": database_url},
    ).start()
    yield server
    server.stop()


def post_pin_to(base: str, code: str) -> int:
    """A participant's phone: open the workshop page, then send the form (CSRF and all)."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    page = opener.open(f"{base}/workshop/{code}/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "idempotency_key": str(uuid.uuid4()),
            "feeling": "unsafe",
            "place": "easton",
            "reasons_unsafe": "poor-lighting",
        }
    ).encode()
    return opener.open(f"{base}/workshop/{code}/", data=body, timeout=30).status


def test_a_pin_sent_to_one_process_reaches_a_facilitator_on_another(asgi_server, second_process):
    sync_roles()
    workshop = WorkshopFactory()
    client = sign_in(Client(), make_staff(WORKSHOP_FACILITATORS))
    cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in client.cookies.items())
    with connect(
        f"{asgi_server.ws_url}/ws/workshop/{workshop.code}/",
        origin=asgi_server.url,
        additional_headers={"Cookie": cookie},
        open_timeout=10,
    ) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "snapshot"
        assert post_pin_to(second_process.base, workshop.code) == 201
        event = json.loads(socket.recv(timeout=10))
    pin = Pin.objects.get(workshop=workshop.code)
    assert event["type"] == "pin" and event["pin"]["id"] == str(pin.pk)
    assert event["pin"]["reasons"] == ["Poor lighting"] and event["participants"] == 1
