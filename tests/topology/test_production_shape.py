"""One journey through the production shape (issue 15): nginx with the README's configuration in
front, two uvicorn workers under the production settings, PostgreSQL and Redis.

A young person's pin goes in through the proxy; a moderator signed in with a password and a TOTP
code watches the queue over a websocket through the proxy, sees the pin arrive, approves it on
another page and sees the queue update live (the two pages may be served by different workers:
the update crosses Redis). The rate limits key on the address nginx saw, whatever a client
writes in X-Forwarded-For, and a worker believes that header from nginx only."""

import json
import os
import re

import pytest
from playwright.sync_api import expect
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from moderation.models import ModerationItem
from participation.models import Pin
from staff.roles import MODERATORS
from staff.sync import sync_roles
from tests.auth import browser_sign_in, make_staff
from tests.browser.conftest import Browsing, assert_accessible
from tests.browser.test_participation import choose_unsafe_at, receipt_code
from tests.participation.factories import ensure_reference_data
from website.settings import base as production_settings
from website.site_tree import ensure_site_tree

from .stack import ProductionStack

# A receipt code of the right shape that no receipt has.
UNKNOWN_RECEIPT = "/api/v1/receipts/amber-otter-river-12"


def _database_url(db: dict) -> str:
    credentials = db["USER"] or ""
    if db.get("PASSWORD"):
        credentials += f":{db['PASSWORD']}"
    where = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{where}/{db['NAME']}"


@pytest.fixture(scope="module")
def stack(collected_static, django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings
    from django.db import connection

    # (conftest.py skips this module unless on PostgreSQL and Redis.) The workers serve the test database, which pytest-django has created and migrated.
    running = ProductionStack(
        tmp_path_factory.mktemp("topology"),
        _database_url(connection.settings_dict),
        settings.REDIS_URL,
        os.environ["SPB_TEST_PREFIX"],
    )
    try:
        running.start()
    except Exception:
        running.stop()
        raise
    yield running
    running.stop()


@pytest.fixture
def browsing(browser, stack):
    sessions = []

    def open_browsing():
        # The certificate is the test's own, made a minute ago.
        session = Browsing(browser, stack, ignore_https_errors=True)
        sessions.append(session)
        return session

    yield open_browsing
    for session in sessions:
        session.close()


@pytest.mark.django_db(transaction=True)
def test_a_pin_sent_through_the_proxy_is_approved_and_the_queue_updates_live(
    stack, browsing, settings
):
    # Transactional tests flush the tables: the page tree, places, reasons and staff groups the
    # migrations made are put back.
    ensure_site_tree()
    ensure_reference_data()
    sync_roles()
    # The account's password is hashed as production hashes it, so the workers can check it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    moderator_user = make_staff(MODERATORS)

    moderator_session = browsing()
    queue = moderator_session.page
    browser_sign_in(queue, moderator_user, next_url="/admin/moderation/queue/")
    # Production cookies (__Host-, Secure) over the proxy's https.
    cookies = {cookie["name"]: cookie for cookie in moderator_session.context.cookies()}
    assert cookies["__Host-sessionid"]["secure"] and cookies["__Host-sessionid"]["httpOnly"]
    # The queue's socket is open: a wss:// handshake through nginx, upgraded, whose Origin the
    # worker found to be the site's own (scheme from X-Forwarded-Proto, host and port from Host).
    expect(queue.locator("html[data-moderation-connected]")).to_have_count(1)
    assert_accessible(queue)

    young_person = browsing().page
    choose_unsafe_at(young_person, "Castle Park")
    # Production refuses a form sent sooner than this after it was served (security/antibot.py);
    # the test settings turn that off, the workers' settings do not.
    young_person.wait_for_timeout(production_settings.FORM_MIN_FILL_SECONDS * 1000)
    young_person.get_by_role("button", name="Send").click()
    expect(young_person.get_by_role("heading", level=1)).to_contain_text("Thank you")
    receipt_code(young_person)
    assert_accessible(young_person)
    pin = Pin.objects.get()
    item = ModerationItem.objects.get(pk=pin.moderation_id)
    assert item.status == "pending"

    # Told live, over the socket, through nginx.
    expect(queue.locator("[data-live-status]")).to_have_text(
        "A new pin is waiting: reload the page to see it.", timeout=15_000
    )
    queue.reload()
    expect(queue.locator("html[data-moderation-connected]")).to_have_count(1)
    row = queue.locator(f'tr[data-item-id="{item.pk}"]')
    expect(row).to_have_attribute("data-item-status", "pending")
    assert_accessible(queue, "#listing-results")

    review = moderator_session.new_page()
    review.goto("/admin/moderation/queue/")
    review.locator("body").press("n")  # the shortcut for the next item
    expect(review.get_by_role("heading", name="Review a contribution")).to_be_visible()
    assert_accessible(review, ".moderation-review")
    review.locator("body").press("a")  # the shortcut for Approve
    expect(review.get_by_text("Approved: it is public now.")).to_be_visible()

    # The queue page, open all along, hears of the decision over its socket.
    expect(row).to_have_attribute("data-item-status", "approved", timeout=15_000)
    expect(queue.locator("[data-live-status]")).to_have_text("A pin in this list was approved.")
    item.refresh_from_db()
    assert item.status == "approved"
    # Nothing left 127.0.0.1 but the review page's map tiles (answered by the test itself).
    for url in moderator_session.external_requests:
        assert url.startswith("https://tile.openstreetmap.org/"), url

    # Both workers answered requests of this journey.
    served_by = set(re.findall(r"127\.0\.0\.1:(\d+)\s*$", stack.access_log.read_text(), re.M))
    assert served_by == {str(port) for port in stack.worker_ports}, stack.logs()

    # A page of another origin (here: plain http on the same host and port) cannot open the
    # moderator's socket through the proxy, cookies and all; the site's own origin can.
    cookie = f"__Host-sessionid={cookies['__Host-sessionid']['value']}"
    socket_url = f"{stack.ws_url}/ws/moderation/"
    with pytest.raises(InvalidStatus) as refused:
        connect(
            socket_url,
            ssl=stack.tls_context(),
            origin=f"http://127.0.0.1:{stack.port}",
            additional_headers={"Cookie": cookie},
            open_timeout=10,
        )
    assert refused.value.response.status_code == 403
    with connect(
        socket_url,
        ssl=stack.tls_context(),
        origin=stack.url,
        additional_headers={"Cookie": cookie},
        open_timeout=10,
    ) as socket:
        socket.send(json.dumps({"type": "ping"}))
        assert json.loads(socket.recv(timeout=10)) == {"type": "pong"}


def test_the_rate_limit_keys_on_the_address_nginx_saw(stack, settings):
    allowed, _ = settings.PARTICIPATION_RATE_LIMITS["receipt-address"]

    # 127.0.0.2 tries receipt codes, claiming a new address in X-Forwarded-For each time (some
    # claim to be 127.0.0.3, the next client). nginx replaces the header with the peer it saw.
    for n in range(allowed):
        forged = f"198.51.100.{n}" if n % 2 else f"198.51.100.{n}, 127.0.0.3"
        status, _, _ = stack.get(
            UNKNOWN_RECEIPT, source="127.0.0.2", headers={"X-Forwarded-For": forged}
        )
        assert status == 404, n
    status, headers, body = stack.get(
        UNKNOWN_RECEIPT, source="127.0.0.2", headers={"X-Forwarded-For": "203.0.113.7"}
    )
    assert status == 429, body
    assert json.loads(body)["errors"][0]["field"]
    # Another address, through the same nginx, is counted apart: the key is the client nginx
    # saw, not nginx itself, and the forged entries naming it never counted against it.
    status, _, _ = stack.get(
        UNKNOWN_RECEIPT, source="127.0.0.3", headers={"X-Forwarded-For": "127.0.0.2"}
    )
    assert status == 404

    # A worker believes X-Forwarded-For from nginx's address only (--forwarded-allow-ips):
    # straight to a worker, 127.0.0.4 naming 127.0.0.5 is counted as 127.0.0.4.
    for n in range(allowed):
        status, _, _ = stack.get(
            UNKNOWN_RECEIPT,
            source="127.0.0.4",
            port=stack.worker_ports[n % 2],
            headers={"X-Forwarded-For": "127.0.0.5", "X-Forwarded-Proto": "https"},
        )
        assert status == 404, n
    status, _, _ = stack.get(UNKNOWN_RECEIPT, source="127.0.0.4")
    assert status == 429
    status, _, _ = stack.get(UNKNOWN_RECEIPT, source="127.0.0.5")
    assert status == 404

    # nginx's access log names neither the clients nor the paths (receipt codes).
    log = stack.access_log.read_text()
    assert log and "127.0.0.2" not in log and "amber-otter" not in log


def test_a_body_nginx_refuses_under_api_is_json(stack):
    status, headers, body = stack.request(
        "POST",
        "/api/v1/pins",
        headers={"Content-Type": "application/json", "Content-Length": str(13 * 1024 * 1024)},
    )
    assert status == 413
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["errors"][0]["field"] == "body"
