"""The log canary: real submissions through the API and the forms carry marked values (free
text, a precise position, photo bytes, a client address, receipt codes); none of them may reach
the application logs, neither as written by the log handler nor in the raw log records."""

import io
import json
import logging
import re
import uuid

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from security.logging import RedactFilter
from tests.participation import photo_fixtures
from tests.participation.test_pages import receipt_in

pytestmark = pytest.mark.django_db

COMMENT = "CANARY-WORDS the dark alley behind number 12 scares me"
IDEA_WHY = "CANARY-IDEA a youth club would keep us off the street"
LAT, LNG = 51.4571234, -2.5912345
ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.23"
PHOTO_MARK = b"CANARY-PHOTO-BYTES"


@pytest.fixture
def written_logs(settings):
    """What the configured console handler writes, captured, with everything at DEBUG."""
    settings.PARTICIPATION_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex
    buffer = io.StringIO()
    root = logging.getLogger()
    handlers = [
        h
        for h in root.handlers
        if isinstance(h, logging.StreamHandler)
        and any(isinstance(f, RedactFilter) for f in h.filters)
    ]
    assert handlers, "the console handler with the redact filter is configured"
    old_streams = [h.setStream(buffer) for h in handlers]
    old_level = root.level
    root.setLevel(logging.DEBUG)
    yield buffer
    root.setLevel(old_level)
    for handler, stream in zip(handlers, old_streams, strict=True):
        handler.setStream(stream)


def photo_with_mark() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 120, 200)).save(out, "JPEG", comment=PHOTO_MARK)
    assert PHOTO_MARK in out.getvalue()
    return out.getvalue()


def contribute_everything(client) -> list[str]:
    """Every anonymous way in, with the canary values; returns the receipt codes handed out."""
    from places.models import NamedPlace

    place = NamedPlace.objects.active().first().slug
    codes = []
    env = {"REMOTE_ADDR": ADDRESS, "HTTP_X_FORWARDED_FOR": FORWARDED}

    def api(method, path, body=None, **extra):
        return getattr(client, method)(
            path,
            data=json.dumps(body) if body is not None else None,
            content_type="application/json",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            **env,
            **extra,
        )

    pin = api(
        "post", "/api/v1/pins", {"feeling": "unsafe", "lat": LAT, "lng": LNG, "comment": COMMENT}
    )
    assert pin.status_code == 201, pin.content
    codes.append(pin.json()["receipt"])
    idea = api(
        "post",
        "/api/v1/proposals",
        {
            "title": "CANARY-TITLE a place",
            "what": "youth-club",
            "where": place,
            "when": "evenings",
            "why": IDEA_WHY,
        },
    )
    assert idea.status_code == 201, idea.content
    codes.append(idea.json()["receipt"])
    # Refused input is logged by Django as "Bad Request: <path>": still nothing of it.
    api("post", "/api/v1/pins", {"feeling": "unsafe", "lat": LAT, "lng": 179.0, "comment": COMMENT})
    form = client.post(
        "/have-your-say/pin/",
        {
            "feeling": "unsafe",
            "location_source": "map",
            "lat": str(LAT),
            "lng": str(LNG),
            "comment": COMMENT,
            "photo": SimpleUploadedFile("canary.jpg", photo_with_mark(), "image/jpeg"),
        },
        **env,
    )
    assert form.status_code == 201, form.content[:500]
    codes.append(receipt_in(form.content.decode()))
    client.post(
        "/have-your-say/pin/",
        {
            "feeling": "unsafe",
            "place": place,
            "location_source": "place",
            "comment": COMMENT,
            "photo": SimpleUploadedFile("gps.jpg", photo_fixtures.jpeg_with_gps(), "image/jpeg"),
        },
        **env,
    )
    # Looking a receipt up, a wrong code (404), then deleting: codes travel in paths and forms.
    for code in codes:
        client.get(f"/api/v1/receipts/{code}", **env)
        client.post("/have-your-say/receipt/", {"code": code}, **env)
    client.get("/api/v1/receipts/wrong-wrong-wrong-00", **env)
    client.post("/have-your-say/receipt/", {"code": "maple-otter-kite-00"}, **env)
    client.delete(f"/api/v1/receipts/{codes[0]}", **env)
    client.post(
        "/have-your-say/receipt/", {"code": codes[-1], "action": "delete", "confirm": "yes"}, **env
    )
    return [code for code in codes if code]


def canaries(codes) -> list[str]:
    return [
        "CANARY-WORDS",
        "dark alley",
        "CANARY-IDEA",
        "CANARY-TITLE",
        "CANARY-PHOTO",
        "4571234",
        "5912345",
        "51.457",
        "2.591",
        ADDRESS,
        FORWARDED,
        "12 Acacia",
        "27.0, 16.2",  # the GPS position inside the uploaded photo's EXIF
        "37.0, 40.1",
        *codes,
        "wrong-wrong-wrong-00",
        "maple-otter-kite-00",
    ]


def test_no_contribution_data_reaches_the_logs(
    written_logs, caplog, home_page, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        codes = contribute_everything(Client())
    assert len(codes) >= 2
    written = written_logs.getvalue()
    raw = "\n".join(
        f"{record.name} {record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert written and raw, "the submissions logged nothing at all: the canary would be blind"
    found = [c for c in canaries(codes) if c in written]
    assert found == [], f"written to the log: {found}"
    # The raw records may hold paths with codes (Django's own 404 lines, masked when written),
    # but never free text, positions or photo bytes.
    never = [
        "27.0, 16.2",
        "CANARY-WORDS",
        "dark alley",
        "CANARY-IDEA",
        "CANARY-TITLE",
        "CANARY-PHOTO",
        "4571234",
        "5912345",
        ADDRESS,
        FORWARDED,
    ]
    assert [c for c in never if c in raw] == []
    assert not re.search(r"\b(?:\d{1,3}\.){3}\d{1,3}\b", written)
