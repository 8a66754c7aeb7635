"""The canary: reports and an assessment carry a marked word in every field a person typed;
none of it reaches any public response (every public page and API read, the community map and its
releases, site search) or any admin screen of a member of staff who is not a coordinator."""

import io

import pytest

from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from concerns.services import approve_publication, propose_publication
from staff.roles import ALL_GROUPS, CONTEXT_COORDINATORS
from tests.auth import make_staff, sign_in

from .factories import ConcernReportFactory, LocationAssessmentFactory, SafetyActionFactory

pytestmark = pytest.mark.django_db

CANARY = "CANARYPLACE"
# Searched for: site search shows the query back, so the search is for another word of the text.
SEARCHED = "zebraquokka"
SKIPPED_PREFIXES = ("admin/", "documents/", "api")


def plant():
    assessment = LocationAssessmentFactory(title=f"{CANARY} title", summary=f"{CANARY} summary")
    action = SafetyActionFactory(
        assessment=assessment,
        description=f"{CANARY} action",
        owner_agency=f"{CANARY} agency",
        rag="done",
    )
    # A completed action published to "You said, we did" (two coordinators): only the words
    # written for young people go public, nothing of the action or the reports behind it.
    publication = propose_publication(
        action,
        make_staff(CONTEXT_COORDINATORS),
        area="central",
        you_said="Young people said the bus station felt unsafe at night.",
        we_did="Staff now patrol the bus station every evening.",
    )
    approve_publication(publication, make_staff(CONTEXT_COORDINATORS))
    for status, linked in (("new", None), ("linked", assessment), ("closed", None)):
        ConcernReportFactory(
            status=status,
            assessment=linked,
            reporter="professional",
            reporter_name=f"{CANARY} name",
            agency=f"{CANARY} agency",
            email="canaryplace@example.org",
            lat=51.4571234,
            lng=-2.5912345,
            location_text=f"{CANARY} where",
            when_text=f"{CANARY} when",
            what_seen=f"{CANARY} what {SEARCHED}",
        )


def _public_paths(resolver=None, prefix=""):
    """Every URL of the site without parameters, outside the admin and the API."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(SKIPPED_PREFIXES) or "<" in route or "(" in route:
            continue
        if isinstance(pattern, URLResolver):
            yield from _public_paths(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield "/" + route.lstrip("^").rstrip("$")


def _api_paths(client):
    spec = client.get("/api/v1/openapi.json").json()
    return [
        "/api/v1" + path if not path.startswith("/api/") else path
        for path, operations in spec["paths"].items()
        if "get" in operations and "{" not in path
    ]


def test_no_public_response_holds_a_word_of_a_report(home_page):
    plant()
    call_command("build_map_releases", stdout=io.StringIO())
    client = Client()
    paths = sorted(set(_public_paths())) + _api_paths(client)
    paths += [f"/search/?q={SEARCHED}", "/community-map/", reverse("concerns:report"), "/"]
    you_said = reverse("participation:you-said-we-did")
    assert "Staff now patrol the bus station" in client.get(you_said).content.decode()
    assert len(paths) > 10
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        body = b"".join(response) if response.streaming else response.content
        assert CANARY.lower() not in body.decode(errors="replace").lower(), path
        assert b"51.45712" not in body, path


@pytest.mark.parametrize("group", [g for g in ALL_GROUPS if g != CONTEXT_COORDINATORS])
def test_no_other_staff_screen_holds_a_word_of_a_report(group, home_page):
    plant()
    client = sign_in(Client(), make_staff(group))
    for path in (
        reverse("wagtailadmin_home"),
        f"{reverse('wagtailadmin_home')}search/?q={SEARCHED}",
        reverse("moderation_queue:index"),
        reverse("moderation_safeguarding:index"),
        reverse("moderation_audit:index"),
        # The partnership analysts' own screens and downloads: the community map's trends,
        # comparison, provision gaps, export log, exports and printed report.
        reverse("mapping_partnership:trends"),
        reverse("mapping_partnership:compare"),
        reverse("mapping_partnership:gaps"),
        reverse("mapping_partnership:export_log"),
        reverse("mapping_partnership:export", args=["csv"]),
        reverse("mapping_partnership:export", args=["geojson"]),
        reverse("mapping_partnership:report"),
    ):
        response = client.get(path, follow=True)
        body = b"".join(response) if response.streaming else response.content
        assert CANARY.lower() not in body.decode(errors="replace").lower(), (group, path)
        assert b"51.45712" not in body, (group, path)
