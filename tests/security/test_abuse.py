"""Abuse resistance on the anonymous endpoints: rate limits keyed on an address a forged
X-Forwarded-For cannot change, the invisible bot check of the HTML forms, and a flood from one
contributor that cannot move a published map cell."""

import ipaddress
import json
import re
import time
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.test import Client, RequestFactory

from participation.models import Pin, Proposal
from security.antibot import MESSAGE, started_token
from security.ip import client_address, rate_limit_identity
from tests.mapping.conftest import use_fresh_cache
from tests.mapping.factories import bulk_pins, contributor
from tests.mapping.helpers import CHILDREN, SPOTS, crowd

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_counts(settings):
    # Rate-limit counts and map answers live in the cache: a namespace of this test's own.
    settings.PARTICIPATION_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex
    use_fresh_cache(settings)


def place_slug():
    from places.models import NamedPlace

    return NamedPlace.objects.active().first().slug


def post_pin(client, **env):
    return client.post(
        "/api/v1/pins",
        json.dumps({"feeling": "unsafe", "place": place_slug()}),
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
        **env,
    )


# --- the client address -------------------------------------------------------------------

addresses = st.one_of(st.ip_addresses(v=4), st.ip_addresses(v=6)).map(str)
junk = st.one_of(addresses, st.text(max_size=30).filter(lambda t: "," not in t))


def plain(address: str) -> str:
    """An address as the key spells it: an IPv4-mapped IPv6 address is the IPv4 address."""
    parsed = ipaddress.ip_address(address)
    return str(getattr(parsed, "ipv4_mapped", None) or parsed)


@settings(max_examples=200, deadline=None)
@given(peer=addresses, forwarded=st.lists(junk, max_size=5))
def test_without_trusted_proxies_the_key_is_the_peer_whatever_is_forwarded(peer, forwarded):
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=", ".join(forwarded))
    assert client_address(request) == plain(peer)


@settings(max_examples=200, deadline=None)
@given(forged=st.lists(junk, max_size=5), client=addresses, proxies=st.integers(1, 3))
def test_behind_trusted_proxies_only_what_they_appended_counts(forged, client, proxies):
    from django.test import override_settings

    # Our proxies append the client and then each other: the n-th entry from the right is the
    # client, and whatever the client forged to the left of it changes nothing.
    appended = [client] + [f"10.0.0.{n}" for n in range(1, proxies)]
    header = ", ".join([*forged, *appended])
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.99", HTTP_X_FORWARDED_FOR=header)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request) == plain(client)


def test_a_request_that_skipped_the_proxies_is_keyed_on_its_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "198.51.100.4"


def test_one_ipv6_network_counts_as_one_client():
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    other_address_same_64 = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::9")
    next_64 = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert rate_limit_identity(one) == rate_limit_identity(other_address_same_64)
    assert rate_limit_identity(one) != rate_limit_identity(next_64)


# --- rate limits under a forged header ------------------------------------------------------


def test_rotating_x_forwarded_for_does_not_escape_the_address_limit(settings, home_page):
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "pin-address": (5, 3600),
    }
    peer = {"REMOTE_ADDR": "198.51.100.5"}
    for n in range(5):
        # A fresh contributor each time (no cookie), and a fresh forged address each time.
        response = post_pin(Client(), **peer, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        assert response.status_code == 201
    refused = post_pin(Client(), **peer, HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["errors"][0]["field"] == "body"
    # Someone else is not held back by it.
    assert post_pin(Client(), REMOTE_ADDR="198.51.100.6").status_code == 201
    assert Pin.objects.count() == 6


def test_behind_a_proxy_the_forged_part_is_ignored_and_clients_stay_apart(settings, home_page):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "pin-address": (3, 3600),
    }
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for n in range(3):
        header = f"192.0.2.{n}, 203.0.113.9"  # forged part, then what our proxy saw
        assert post_pin(Client(), **proxy, HTTP_X_FORWARDED_FOR=header).status_code == 201
    assert (
        post_pin(Client(), **proxy, HTTP_X_FORWARDED_FOR="8.8.8.8, 203.0.113.9").status_code == 429
    )
    assert post_pin(Client(), **proxy, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 201


def test_one_contributor_is_held_to_their_own_limit(settings, home_page):
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "pin-contributor": (10, 3600),
    }
    flooder = Client()
    results = [post_pin(flooder, REMOTE_ADDR=f"198.51.100.{n}").status_code for n in range(12)]
    assert results == [201] * 10 + [429] * 2


# --- the bot check of the HTML forms ----------------------------------------------------------

PIN = {"feeling": "unsafe", "location_source": "place", "when": "evening", "comment": "Dark path."}


def served_form(client, path):
    html = client.get(path).content.decode()
    token = re.search(r'name="form_started" value="([^"]+)"', html)[1]
    assert re.search(r'<div class="bot-check" hidden>.*name="leave_empty"', html)
    return token


@pytest.fixture
def production_fill_time(settings):
    settings.FORM_MIN_FILL_SECONDS = 3


def test_a_form_sent_at_once_is_refused_kindly_and_keeps_what_was_typed(
    client, home_page, production_fill_time
):
    token = served_form(client, "/have-your-say/pin/")
    response = client.post(
        "/have-your-say/pin/", {**PIN, "place": place_slug(), "form_started": token}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert MESSAGE in html
    assert "Dark path." in html
    assert not Pin.objects.exists()


def test_a_form_filled_at_a_persons_pace_gets_through(client, home_page, production_fill_time):
    served_form(client, "/have-your-say/pin/")
    response = client.post(
        "/have-your-say/pin/",
        {**PIN, "place": place_slug(), "form_started": started_token(time.time() - 10)},
    )
    assert response.status_code == 201
    assert Pin.objects.count() == 1


@pytest.mark.parametrize(
    "trap",
    [{"leave_empty": "http://cheap-pills.example"}, {"form_started": "1700000000.0:forged"}],
    ids=["honeypot", "forged-time"],
)
def test_a_filled_honeypot_or_a_forged_time_is_refused(
    client, home_page, production_fill_time, trap
):
    data = {**PIN, "place": place_slug(), "form_started": started_token(time.time() - 60), **trap}
    response = client.post("/have-your-say/pin/", data)
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not Pin.objects.exists()


def test_the_idea_form_has_the_same_check(client, home_page, production_fill_time):
    token = served_form(client, "/have-your-say/ideas/new/")
    idea = {
        "title": "A youth club",
        "what": "youth-club",
        "where": "south",
        "when": "evenings",
        "why": "Somewhere warm to go.",
    }
    assert (
        client.post("/have-your-say/ideas/new/", {**idea, "form_started": token}).status_code == 400
    )
    assert not Proposal.objects.exists()
    late = started_token(time.time() - 30)
    assert (
        client.post("/have-your-say/ideas/new/", {**idea, "form_started": late}).status_code == 201
    )


# --- the map under a flood --------------------------------------------------------------------


def map_cells(client) -> dict[str, dict]:
    response = client.get("/api/v1/community-map.geojson")
    assert response.status_code == 200, response.content
    return {f["properties"]["cell"]: f["properties"] for f in response.json()["features"]}


def test_a_flood_from_one_contributor_cannot_move_a_published_cell(client):
    # Eight people found a place safe: a published cell. Then one person floods it with sixty
    # "unsafe" pins, and (the worst case) moderators approve every one of them.
    flooder = contributor("flooder")
    flood = [
        {"lat": SPOTS[0][0], "lng": SPOTS[0][1], "contributor": flooder, "feeling": "unsafe"}
    ] * 60
    bulk_pins(crowd(8, feeling="safe") + flood)
    # Next door, the flooder and six others: seven people, below the threshold.
    bulk_pins(
        crowd(6, SPOTS[1], first=100) + [{**flood[0], "lat": SPOTS[1][0], "lng": SPOTS[1][1]}] * 60
    )
    cells = map_cells(client)
    assert set(cells) == {CHILDREN[0]}
    cell = cells[CHILDREN[0]]
    # Exactly what nine people make it, the flooder counted once: 9 people round to 10; the
    # flooder's "unsafe" stands on one person and the eight "safe" differ from the total by that
    # one, so both are withheld ("fewer than 8"; before the sub-count rule: safe 10, unsafe 0).
    # Sixty pins move nothing that one pin would not.
    assert (cell["safe"], cell["unsafe"], cell["total"]) == (None, None, 10)


@pytest.mark.parametrize(
    "path",
    ["/api/v1/places?q=%00", "/search/?q=a%00b", "/services/?q=%00", "/efh/%00/", "/?x%00=1"],
)
def test_a_nul_character_in_the_address_is_a_400_not_a_server_error(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 400
    if path.startswith("/api/"):
        assert response.json()["errors"][0]["field"] == "query"
