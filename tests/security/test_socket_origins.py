"""Staff websockets accept a page of the site's own origin only: scheme, host and port, not the
host name alone. With a moderator's cookies, a page on another port of the same machine, or over
plain http against the https site, is refused."""

import pytest
from asgiref.sync import async_to_sync
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect as ws_connect

from django.test import Client

from security.staff_sockets import FOREIGN_ORIGIN_CLOSE_CODE, origin_is_own
from staff.roles import MODERATORS
from staff.sync import sync_roles
from tests.auth import make_staff, sign_in, websocket_headers
from tests.workshops.workshop_factories import WorkshopFactory

pytestmark = pytest.mark.django_db(transaction=True)

FOREIGN = ["http://127.0.0.1:9", "https://127.0.0.1", "http://localhost:1", "null", "garbage"]


@pytest.fixture(autouse=True)
def _staff_groups(transactional_db):
    sync_roles()


def scope(origin: str, host: str = "127.0.0.1:8000", scheme: str = "ws") -> dict:
    return {"scheme": scheme, "headers": [(b"host", host.encode()), (b"origin", origin.encode())]}


@pytest.mark.parametrize("origin", FOREIGN)
def test_a_foreign_scheme_host_or_port_is_not_our_origin(origin):
    assert not origin_is_own(scope(origin))


def test_our_own_origin_matches_case_and_default_ports_aside():
    assert origin_is_own(scope("http://127.0.0.1:8000"))
    assert origin_is_own(scope("HTTP://LOCALHOST", host="localhost:80"))
    assert origin_is_own(scope("https://localhost", host="localhost", scheme="wss"))
    # The socket's own scheme counts: a secure socket is not opened by a plain http page.
    assert not origin_is_own(scope("http://localhost", host="localhost", scheme="wss"))
    # A Host that is not one of ALLOWED_HOSTS is no origin of ours, whatever the Origin says.
    assert not origin_is_own(scope("http://evil.example", host="evil.example"))


def test_a_trusted_origin_is_accepted(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://admin.example.org"]
    assert origin_is_own(scope("https://admin.example.org"))


@pytest.mark.parametrize("origin", FOREIGN[:3])
def test_both_staff_sockets_refuse_a_foreign_origin_with_a_moderators_cookies(origin):
    from channels.testing import WebsocketCommunicator

    from website.asgi import build_application

    moderator = sign_in(Client(), make_staff(MODERATORS))
    workshop = WorkshopFactory()

    async def attempt(path, origin):
        socket = WebsocketCommunicator(
            build_application(),
            path,
            headers=websocket_headers(moderator, origin, "127.0.0.1:8000"),
        )
        connected, code = await socket.connect(timeout=5)
        await socket.disconnect()
        return connected, code

    for path in ("/ws/moderation/", f"/ws/workshop/{workshop.code}/"):
        assert async_to_sync(attempt)(path, origin) == (False, FOREIGN_ORIGIN_CLOSE_CODE)
        assert async_to_sync(attempt)(path, "http://127.0.0.1:8000")[0] is True


def test_a_real_server_refuses_another_port_and_accepts_its_own(asgi_server):
    moderator = sign_in(Client(), make_staff(MODERATORS))
    cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in moderator.cookies.items())
    url = f"{asgi_server.ws_url}/ws/moderation/"
    for origin in (f"http://127.0.0.1:{asgi_server.port + 1}", "https://127.0.0.1"):
        # uvicorn answers a handshake the application closed before accepting with a 403.
        with (
            pytest.raises(InvalidStatus),
            ws_connect(url, additional_headers={"Origin": origin, "Cookie": cookie}),
        ):
            pass
    with ws_connect(
        url, additional_headers={"Origin": asgi_server.url, "Cookie": cookie}, open_timeout=10
    ) as socket:
        socket.ping().wait(5)
