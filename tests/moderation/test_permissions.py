"""Every role against every moderation view: who gets the page (200, or a redirect after an
action), who is refused (Wagtail's answer: the dashboard, with its message), and who is sent to
sign in. Possible disclosures, alerts and the audit
are for safeguarding leads only; a flagged item cannot be approved by anyone."""

import pytest

from django.conf import settings
from django.test import Client
from django.urls import reverse

from moderation.models import SafeguardingAlert
from staff.roles import (
    DIRECTORY_MANAGERS,
    EDITORS,
    MODERATORS,
    PARTNERSHIP_ANALYSTS,
    SAFEGUARDING_LEADS,
)
from tests.auth import make_staff, refused, sign_in
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "staff without a group",
    EDITORS,
    DIRECTORY_MANAGERS,
    PARTNERSHIP_ANALYSTS,
    MODERATORS,
    SAFEGUARDING_LEADS,
    "superuser",
]
MODERATE = {MODERATORS, SAFEGUARDING_LEADS, "superuser"}
LEADS = {SAFEGUARDING_LEADS, "superuser"}
OUTSIDE_ADMIN = {"anonymous", "staff without a group"}


def client_for(role):
    client = Client()
    if role == "anonymous":
        return client
    if role == "superuser":
        user = make_staff(superuser=True)
    elif role == "staff without a group":
        user = make_staff()
    else:
        user = make_staff(role)
    return sign_in(client, user)


def outcome(response) -> str:
    if response.status_code == 302 and "/admin/login/" in response["Location"]:
        return "sign in"
    if refused(response):
        return "refused"
    if response.status_code in (200, 302):
        return "ok"
    return str(response.status_code)


@pytest.fixture
def world(tmp_path):
    (settings.PRIVATE_MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    (settings.PRIVATE_MEDIA_ROOT / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    pins = {
        name: ScannedPinFactory()
        for name in ("claim", "redact", "approve", "reject", "escalate", "bulk")
    }
    pins["photo"] = ScannedPinFactory(photo="photo.jpg")
    flagged = ScannedPinFactory(comment="i want to kill myself")
    flagged_too = ScannedPinFactory(comment="my stepdad hits me")
    alert = SafeguardingAlert.objects.get(item_id=flagged_too.moderation_id)
    q, s = "moderation_queue", "moderation_safeguarding"

    def item(name):
        return (flagged if name == "flagged" else pins[name]).moderation_id

    get = [
        ("queue", reverse(f"{q}:index"), MODERATE),
        ("queue results", reverse(f"{q}:index_results") + "?flags=none", MODERATE),
        ("next item", reverse(f"{q}:next"), MODERATE),
        ("review", reverse(f"{q}:review", args=[item("approve")]), MODERATE),
        ("review a flagged item", reverse(f"{q}:review", args=[item("flagged")]), LEADS),
        ("photo", reverse(f"{q}:photo", args=[item("photo")]), MODERATE),
        ("safeguarding queue", reverse(f"{s}:index"), LEADS),
        ("safeguarding review", reverse(f"{s}:review", args=[item("flagged")]), LEADS),
        ("alerts", reverse(f"{s}:alerts"), LEADS),
        ("audit", reverse("moderation_audit:index"), LEADS),
        ("scan phrases", reverse("moderation_phrases:index"), LEADS),
        ("add a scan phrase", reverse("moderation_phrases:add"), LEADS),
        ("moderators' reading today", reverse("moderation_wellbeing:index"), LEADS),
    ]
    post = [
        ("claim", reverse(f"{q}:claim", args=[item("claim")]), {}, MODERATE),
        (
            "redact",
            reverse(f"{q}:redact", args=[item("redact")]),
            {"start": 0, "end": 3, "on": "1"},
            MODERATE,
        ),
        (
            "approve",
            reverse(f"{q}:approve", args=[item("approve")]),
            {"no_sign_of_harm": "1"},
            MODERATE,
        ),
        ("reject", reverse(f"{q}:reject", args=[item("reject")]), {"reason": "spam"}, MODERATE),
        (
            "escalate",
            reverse(f"{q}:escalate", args=[item("escalate")]),
            {"note": "worried"},
            MODERATE,
        ),
        ("bulk approve", reverse(f"{q}:bulk_approve"), {"item": [str(item("bulk"))]}, MODERATE),
        # Leads may open it, but nobody may approve it: the item's page says so, with a 403.
        (
            "approve a flagged item",
            reverse(f"{q}:approve", args=[item("flagged")]),
            {"no_sign_of_harm": "1"},
            LEADS,
            "403",
        ),
        ("reveal", reverse(f"{q}:reveal", args=[item("claim")]), {}, MODERATE),
        ("acknowledge an alert", reverse(f"{s}:acknowledge", args=[alert.pk]), {}, LEADS),
        (
            "record a decision",
            reverse(f"{s}:decide", args=[item("flagged")]),
            {"outcome": "referred", "pathway": "police", "referred_to": "101, ref 9"},
            LEADS,
        ),
    ]
    return get, post


def expected(role, allowed, answer="ok") -> str:
    if role in OUTSIDE_ADMIN:
        return "sign in"
    return answer if role in allowed else "refused"


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, world):
    get, post = world
    client = client_for(role)
    wrong = []
    for name, url, allowed in get:
        got = outcome(client.get(url))
        if got != expected(role, allowed):
            wrong.append(f"GET {name}: {got}, expected {expected(role, allowed)}")
    for name, url, data, allowed, *answer in post:
        got = outcome(client.post(url, data))
        if got != expected(role, allowed, *answer):
            wrong.append(f"POST {name}: {got}, expected {expected(role, allowed, *answer)}")
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_the_public_statistics_are_public(role, home_page):
    assert client_for(role).get("/moderation-statistics/").status_code == 200


def test_menu_shows_moderation_only_to_those_who_may_use_it():
    for role, visible in (
        (EDITORS, set()),
        (MODERATORS, {"moderation-queue"}),
        (
            SAFEGUARDING_LEADS,
            {"moderation-queue", "safeguarding-queue", "safeguarding-alerts", "moderation-audit"},
        ),
    ):
        html = client_for(role).get("/admin/").content.decode()
        for name in (
            "moderation-queue",
            "safeguarding-queue",
            "safeguarding-alerts",
            "moderation-audit",
        ):
            assert (f'"{name}"' in html) == (name in visible), (role, name)
