"""`manage.py import_oruk`: a fixture feed over real HTTP, page by page then each record."""

import http.server
import json
import threading
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core.management import CommandError, call_command

from services_directory.models import Location, Service, ServiceAtLocation, TaxonomyTerm
from tests.services_directory.factories import term

pytestmark = pytest.mark.django_db
FEED = Path(__file__).parent / "fixtures" / "oruk_feed"
CLUB = "11111111-1111-4111-8111-111111111111"


class FeedHandler(http.server.BaseHTTPRequestHandler):
    """Serves the fixture feed as an ORUK API: /api/services?page=N and /api/services/{id}."""

    requests: list[str] = []

    def do_GET(self):
        url = urlsplit(self.path)
        FeedHandler.requests.append(self.path)
        if url.path == "/api/services":
            page = parse_qs(url.query).get("page", ["1"])[0]
            path = FEED / f"services-page-{page}.json"
        elif url.path.startswith("/api/services/"):
            path = FEED / "services" / f"{url.path.rsplit('/', 1)[1]}.json"
        else:
            path = None
        if path is None or not path.exists():
            self.send_response(404)
            self.end_headers()
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FeedHandler.requests = []
    yield f"http://127.0.0.1:{server.server_port}/api/"
    server.shutdown()
    server.server_close()


def run(source, *args):
    out, err = StringIO(), StringIO()
    call_command("import_oruk", source, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_the_feed_page_by_page_then_each_service(feed_url):
    out, err = run(feed_url)
    assert "Page 1 of 2: 4 services" in out and "Page 2 of 2: 2 services" in out
    assert "3 created, 0 updated, 0 unchanged, 3 skipped" in out
    # Each listed record was fetched in full.
    assert f"/api/services/{CLUB}" in FeedHandler.requests
    assert "/api/services?page=2&per_page=50" in FeedHandler.requests
    # Bad records are skipped with a message saying what is wrong.
    assert "Feed Bad Status" in err and "service.status: 'open' is not one of" in err
    assert "Feed Missing Detail" in err and "answered 404" in err
    assert "Feed Bad Id" in err and "'123' is not a UUID" in err
    assert sorted(Service.objects.values_list("name", flat=True)) == [
        "Feed Counselling",
        "Feed Parents Group",
        "Feed Youth Club",
    ]


def test_imported_records_keep_their_ids_and_details(feed_url):
    run(feed_url)
    club = Service.objects.get(pk=CLUB)
    assert club.live and club.organization.charity_number == "7654321"
    assert club.free  # every cost option is zero
    assert (club.minimum_age, club.maximum_age) == (11, 18)
    assert club.schedules.get().byday == "SA"
    site = ServiceAtLocation.objects.get(service=club)
    assert site.location.addresses.get().postal_code == "BS5 0AA"
    assert site.location.h3_r8  # positions get their cells like any other location
    # A term of ours is linked by id; a term of another vocabulary is created under it.
    assert term("youth-clubs") in club.terms.all()
    other = TaxonomyTerm.objects.get(name="Open access youth work")
    assert other.taxonomy.name == "LGA Service Types" and other in club.terms.all()
    assert club.contacts.get().phone == "0117 222 2222"
    # Imported records are found like any other.
    from services_directory.queries import search_services

    assert [s.name for s in search_services(q="youth club", weekend=True, evening=True)] == [
        "Feed Youth Club"
    ]


def test_a_second_run_changes_nothing(feed_url):
    run(feed_url)
    counts = (Service.objects.count(), Location.objects.count(), TaxonomyTerm.objects.count())
    out, _ = run(feed_url)
    assert "0 created, 0 updated, 3 unchanged, 3 skipped" in out
    assert (
        Service.objects.count(),
        Location.objects.count(),
        TaxonomyTerm.objects.count(),
    ) == counts


def test_a_changed_record_is_updated_and_staff_confidentiality_survives(feed_url):
    run(feed_url)
    hall = Location.objects.get(name="Feed Community Hall")
    hall.confidential = True
    hall.save()
    Service.objects.filter(pk=CLUB).update(source_hash="stale", name="Renamed by hand")
    out, _ = run(feed_url)
    assert "1 updated" in out
    assert Service.objects.get(pk=CLUB).name == "Feed Youth Club"
    assert Location.objects.get(pk=hall.pk).confidential is True


def test_draft_option_creates_unpublished_services(feed_url):
    run(feed_url, "--draft")
    assert not Service.objects.published().exists()


def test_a_file_feed(tmp_path):
    out, err = run(str(FEED / "feed-file.json"))
    assert "2 created, 0 updated, 0 unchanged, 1 skipped" in out
    assert "Feed Bad Status" in err


def test_an_unreachable_feed_fails_clearly_keeping_nothing_half_done():
    with pytest.raises(CommandError, match="stopped early"):
        run("http://127.0.0.1:9/api/")
    assert not Service.objects.exists()


def test_a_missing_file_fails_clearly():
    with pytest.raises(CommandError, match="No such file"):
        run("/nonexistent/feed.json")


def test_a_bad_nested_record_is_skipped_whole(tmp_path):
    record = json.loads((FEED / "services" / f"{CLUB}.json").read_text())
    record["service_at_locations"][0]["location"]["addresses"][0]["id"] = "nope"
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([record]))
    out, err = run(str(feed))
    assert "0 created" in out and "1 skipped" in out
    assert "addresses[0].id: 'nope' is not a UUID" in err
    assert not Location.objects.exists()  # nothing half-imported


ORGANIZATION = {
    "id": "6f1f2a8e-3c1d-4b7a-9f55-0a6e2d1c9b11",
    "name": "Bristol Youth Trust",
    "description": "A charity running youth clubs.",
    "website": "https://example.org",
    "organization_identifiers": [],
}


@pytest.mark.parametrize("body", [ORGANIZATION, [ORGANIZATION], {"contents": [ORGANIZATION]}])
def test_an_organization_file_is_named_for_what_it_is(tmp_path, body):
    feed = tmp_path / "organization.json"
    feed.write_text(json.dumps(body))
    with pytest.raises(CommandError) as failure:
        run(str(feed))
    message = str(failure.value)
    assert "organization" in message and "not a service" in message
    assert "expects" in message and "/services" in message
    assert "service.status" not in message
    assert not Service.objects.exists()


def test_a_location_in_a_list_of_services_is_skipped_as_a_location(tmp_path):
    record = json.loads((FEED / "services" / f"{CLUB}.json").read_text())
    location = {"id": "0b9c2f7e-1d2a-4c3b-8e4f-5a6b7c8d9e0f", "location_type": "physical"}
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([record, location]))
    out, err = run(str(feed))
    assert "1 created" in out and "1 skipped" in out
    assert "an Open Referral UK location, not a service" in err
