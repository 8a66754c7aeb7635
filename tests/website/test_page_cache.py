"""The public page cache (website/page_cache.py): who is served from it, that one visitor's CSRF
token, idempotency key or cookie never reaches another, and that publishing, unpublishing, a
setting and a moderation decision each change the cached page at once."""

import re

import pytest

from django.core.cache import cache
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client

from wagtail.models import Site

from staff.roles import MODERATORS
from tests.auth import make_staff, sign_in
from website.page_cache import page_key

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY_VALUE = re.compile(r'name="idempotency_key" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_visit_is_served_from_the_cache(home_page, client):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert Client().get("/")["X-Page-Cache"] == "hit"


def test_a_cached_form_carries_each_visitors_own_csrf_token_and_key(home_page):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one, two = first.get("/have-your-say/pin/"), second.get("/have-your-say/pin/")
    assert (one["X-Page-Cache"], two["X-Page-Cache"]) == ("miss", "hit")
    for client, response in ((first, one), (second, two)):
        cookie = response.cookies["csrftoken"].value
        (token,) = CSRF_VALUE.findall(response.content.decode())
        assert _unmask_cipher_token(token) == cookie
        assert client.cookies["csrftoken"].value == cookie
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    assert KEY_VALUE.findall(one.content.decode()) != KEY_VALUE.findall(two.content.decode())
    # The stored page holds neither visitor's token nor key: holes, filled per visitor.
    _headers, body = cache.get(page_key("testserver", "/have-your-say/pin/"))
    assert CSRF_VALUE.findall(body.decode()) == ["\x00csrf\x00"]
    assert KEY_VALUE.findall(body.decode()) == ["\x00key\x00"]


def test_a_cached_form_posts_with_the_token_it_carries(home_page):
    visitor = Client(enforce_csrf_checks=True)
    Client().get("/have-your-say/ideas/new/")  # someone else fills the cache
    page = visitor.get("/have-your-say/ideas/new/")
    assert page["X-Page-Cache"] == "hit"
    (token,) = CSRF_VALUE.findall(page.content.decode())
    response = visitor.post("/have-your-say/ideas/new/", {"csrfmiddlewaretoken": token})
    assert response.status_code != 403  # the form's own errors (400), not a CSRF refusal


def test_a_cached_page_sends_no_other_cookie(home_page, client):
    client.get("/have-your-say/ideas/")
    response = Client().get("/have-your-say/ideas/")
    assert response["X-Page-Cache"] == "hit"
    assert set(response.cookies) <= {"csrftoken"}


def test_signed_in_staff_and_contributors_are_never_served_from_the_cache(home_page, client):
    client.get("/")
    staff = sign_in(Client(), make_staff(MODERATORS))
    assert "X-Page-Cache" not in staff.get("/")
    for cookie in ("sessionid", "messages", "spb_contributor"):
        visitor = Client()
        visitor.cookies[cookie] = "x" * 32
        assert "X-Page-Cache" not in visitor.get("/have-your-say/ideas/"), cookie


def test_admin_api_and_receipt_are_never_cached(home_page, client):
    for path in ("/admin/login/", "/have-your-say/receipt/", "/api/v1/community-map.geojson"):
        client.get(path)
        assert "X-Page-Cache" not in client.get(path), path


def test_publishing_and_unpublishing_change_the_cached_page_at_once(efh_index, client, commits):
    assert client.get("/efh/").status_code == 200
    assert client.get("/efh/")["X-Page-Cache"] == "hit"
    efh_index.title = "Early help for families, renamed"
    commits(lambda: efh_index.save_revision().publish())
    response = client.get("/efh/")
    assert response["X-Page-Cache"] == "miss"
    assert "Early help for families, renamed" in response.content.decode()
    commits(efh_index.unpublish)
    assert client.get("/efh/").status_code == 404


def test_a_setting_change_changes_the_cached_page_at_once(home_page, client, commits):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    from website.models import SafetySettings

    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.exit_url = "https://www.metoffice.gov.uk/"
    commits(safety.save)
    html = client.get("/").content.decode()
    assert 'data-exit-url="https://www.metoffice.gov.uk/"' in html


def test_a_moderation_decision_changes_the_cached_page_at_once(home_page, client, commits):
    from moderation import services
    from tests.moderation.factories import ScannedProposalFactory

    proposal = ScannedProposalFactory(title="A climbing wall in Bedminster")
    client.get("/have-your-say/ideas/")
    cached = client.get("/have-your-say/ideas/")
    assert cached["X-Page-Cache"] == "hit"
    assert "A climbing wall in Bedminster" not in cached.content.decode()
    moderator = make_staff(MODERATORS)
    commits(lambda: services.approve(proposal.moderation_id, moderator, no_sign_of_harm=True))
    assert "A climbing wall in Bedminster" in client.get("/have-your-say/ideas/").content.decode()


def test_a_new_submission_leaves_the_cache_alone(home_page, client, commits):
    from tests.moderation.factories import ScannedPinFactory

    client.get("/")
    commits(ScannedPinFactory)
    assert client.get("/")["X-Page-Cache"] == "hit"


def _get(server, path, cookie=""):
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def test_the_asgi_front_serves_a_page_the_same_for_all_before_django(asgi_server):
    # The very first page of a fresh site creates its safety settings row, a new generation.
    _get(asgi_server, "/")
    cache.delete(page_key("127.0.0.1:" + str(asgi_server.port), "/", layer="front-identity"))
    cache.delete(page_key("127.0.0.1:" + str(asgi_server.port), "/"))
    first, body = _get(asgi_server, "/")
    again, again_body = _get(asgi_server, "/")
    assert (first.getheader("X-Page-Cache"), again.getheader("X-Page-Cache")) == ("miss", "front")
    assert again_body == body
    # Every header Django's middleware set is kept; the internal marker never leaves.
    for name in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "Vary"):
        assert again.getheader(name) == first.getheader(name), name
    assert first.getheader("X-Page-Cache-Front") is None
    assert again.getheader("X-Page-Cache-Front") is None
    assert again.getheader("Set-Cookie") is None


def test_the_asgi_front_passes_visitors_with_a_session_to_django(asgi_server):
    _get(asgi_server, "/")
    _get(asgi_server, "/have-your-say/pin/")
    signed_in, _ = _get(asgi_server, "/", cookie="sessionid=abc")
    assert signed_in.getheader("X-Page-Cache") is None
    _get(asgi_server, "/have-your-say/pin/")
    form, body = _get(asgi_server, "/have-your-say/pin/")
    # A form too is answered before Django, with this visitor's own token and cookie
    # (tests/website/test_page_cache_front.py).
    assert form.getheader("X-Page-Cache") == "front"
    assert "csrftoken" in form.getheader("Set-Cookie")
    assert b"\x00" not in body


def test_deleting_a_published_idea_for_good_changes_the_cached_page_at_once(
    home_page, client, commits
):
    from moderation import services
    from tests.moderation.factories import ScannedProposalFactory

    proposal = ScannedProposalFactory(title="A climbing wall in Bedminster")
    moderator = make_staff(MODERATORS)
    commits(lambda: services.approve(proposal.moderation_id, moderator, no_sign_of_harm=True))
    client.get("/have-your-say/ideas/")
    assert "A climbing wall in Bedminster" in client.get("/have-your-say/ideas/").content.decode()
    # What a receipt's delete and the retention job call on each contribution.
    commits(proposal.delete_for_good)
    assert "A climbing wall" not in client.get("/have-your-say/ideas/").content.decode()


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_page_made_private_leaves_the_cache_at_once(efh_index, client, commits, restriction_type):
    from wagtail.models import PageViewRestriction

    assert client.get("/efh/").status_code == 200
    assert client.get("/efh/")["X-Page-Cache"] == "hit"
    commits(
        lambda: PageViewRestriction.objects.create(
            page=efh_index, restriction_type=restriction_type, password="a long test password"
        )
    )
    response = client.get("/efh/")
    assert response.status_code != 200 or "password" in response.content.decode().lower()
    assert response.get("X-Page-Cache") != "hit"
