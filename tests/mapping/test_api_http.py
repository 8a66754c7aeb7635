"""The community map GeoJSON at the HTTP layer: gzip when asked, its own ETag, 304 on a repeat
visit with either tag, HEAD answered wherever GET is."""

import gzip
import json

import pytest

from tests.mapping.factories import bulk_pins
from tests.mapping.helpers import crowd

pytestmark = pytest.mark.django_db

URL = "/api/v1/community-map.geojson"
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_gzip_when_asked_with_the_same_collection(client):
    bulk_pins(crowd(9))
    plain = client.get(URL)
    packed = client.get(URL, headers=GZIP)
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert len(packed.content) < len(plain.content)
    assert json.loads(gzip.decompress(packed.content)) == json.loads(plain.content)
    assert packed["Vary"] == plain["Vary"] == "Accept-Encoding"
    assert packed["ETag"] != plain["ETag"]
    assert packed["Cache-Control"] == "public, max-age=300"


def test_a_repeat_visit_gets_304_with_either_tag(client):
    bulk_pins(crowd(9))
    for headers in ({}, GZIP):
        etag = client.get(URL, headers=headers)["ETag"]
        again = client.get(URL, headers={**headers, "If-None-Match": etag})
        assert again.status_code == 304
        assert again.content == b""


def test_head_is_answered_like_get(client):
    bulk_pins(crowd(9))
    head = client.head(URL, headers=GZIP)
    assert head.status_code == 200
    assert head["ETag"] == client.get(URL, headers=GZIP)["ETag"]
