"""Places of concern with 10,000 reports: the coordinators' queue, a report, an assessment and
the problem profile over real HTTP (a signed-in coordinator, one uvicorn worker, SQLite), with
the database queries each costs. The goal is the moderation queue's: p95 under 200 ms and a
query count that does not grow with the number of reports.

Its own database (var/bench/concerns/); the reports are made in bulk, already redacted, the way
the form's service stores them (with the month and category rows ConcernReport.save writes).
The community map's releases are frozen first, as the daily build_map_releases does, so the
assessment's map around its place is measured as it is served, not as it is first built."""

import os

from bench.harness import staff_pages

REPORTS = int(os.environ.get("BENCH_CONCERNS_REPORTS", "10000"))
REQUESTS = int(os.environ.get("BENCH_CONCERNS_REQUESTS", "200"))

# Runs inside `manage.py shell` against the benchmark database; prints one JSON line.
POPULATE = """
import datetime, io, json, random, uuid
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from concerns.choices import PlaceType, REPORT_CATEGORIES
from concerns.models import ConcernReport, LocationAssessment, ReportCategory, category_rows, month_of
from places.models import NamedPlace
from tests.auth import make_staff, sign_in

N = {n}
rng = random.Random(17)
places = list(NamedPlace.objects.all())
kinds = [value for value, _ in PlaceType.choices]
categories = [slug for slug, _ in REPORT_CATEGORIES]
assessment = LocationAssessment.objects.create(title="Bench assessment", place=places[0])
now = timezone.now()
call_command("build_map_releases", stdout=io.StringIO())
for start in range(ConcernReport.objects.count(), N, 1000):
    batch = []
    for i in range(start, min(N, start + 1000)):
        created = now - datetime.timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 1440))
        batch.append(ConcernReport(
            created_at=created, month=month_of(created),
            idempotency_key=str(uuid.uuid4()), fingerprint=uuid.uuid4().hex,
            reporter=rng.choice(["professional", "parent", "community"]),
            named_place=rng.choice(places) if i % 4 else None,
            location_text="" if i % 4 else "Behind the row of shops",
            place_type=rng.choice(kinds), categories=rng.sample(categories, rng.randint(0, 2)),
            when_text="Evenings", what_seen="Older lads handing bags to younger ones.",
            status="linked" if i % 50 == 0 else "new",
            assessment=assessment if i % 50 == 0 else None,
        ))
    ConcernReport.objects.bulk_create(batch)
    ReportCategory.objects.bulk_create(row for report in batch for row in category_rows(report))

client = sign_in(Client(), make_staff("Contextual safeguarding coordinators",
                                      username=f"bench-coordinator-{{uuid.uuid4().hex[:6]}}"))
report = ConcernReport.objects.waiting().first()
pages = {{
    "queue": "/admin/places-of-concern/reports/",
    "queue last page": f"/admin/places-of-concern/reports/?p={{N // 50}}",
    "report": f"/admin/places-of-concern/reports/{{report.pk}}/",
    "assessment": f"/admin/places-of-concern/assessments/{{assessment.pk}}/",
    "problem profile": "/admin/places-of-concern/profile/",
    "problem profile page 50": "/admin/places-of-concern/profile/?p=50",
}}
queries = {{}}
for name, path in pages.items():
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (name, response.status_code)
    queries[name] = len(captured)
cookie = "; ".join(f"{{k}}={{m.value}}" for k, m in client.cookies.items())
print(json.dumps({{"cookie": cookie, "pages": pages, "queries": queries,
                  "reports": ConcernReport.objects.count()}}))
"""


def run_standalone() -> None:
    print(f"Preparing the places of concern benchmark ({REPORTS:,} reports) ...", flush=True)
    staff_pages(
        "concerns",
        POPULATE.format(n=REPORTS),
        label="concerns",
        title="Places of concern (signed-in coordinator, one uvicorn worker, SQLite)",
        requests=REQUESTS,
        size=lambda setup: f"{setup['reports']:,} reports",
    )


if __name__ == "__main__":
    run_standalone()
