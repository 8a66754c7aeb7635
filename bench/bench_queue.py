"""The moderation queue with 10,000 pending contributions: its pages over real HTTP (a signed-in
moderator, one uvicorn worker, SQLite) and the database queries each one costs.

The benchmark database is its own (var/bench/queue/); the pins are made in bulk the way the
services store them (scanned, some with personal data found), then a moderator signs in through
tests/auth.py, the one place that knows how staff sign in."""

import os

from bench.harness import staff_pages

PENDING = int(os.environ.get("BENCH_QUEUE_ITEMS", "10000"))
REQUESTS = int(os.environ.get("BENCH_QUEUE_REQUESTS", "200"))

# Runs inside `manage.py shell` against the benchmark database; prints one JSON line.
POPULATE = """
import json, random, uuid
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from moderation.models import ModerationItem
from participation.models import Pin
from places.geo import cells_for
from tests.auth import make_staff, sign_in

N = {n}
rng = random.Random(7)
pin_type = ContentType.objects.get_for_model(Pin)
now = timezone.now()
existing = ModerationItem.objects.open().count()
for start in range(existing, N, 1000):
    pins, items = [], []
    for i in range(start, min(N, start + 1000)):
        lat, lng = round(rng.uniform(51.42, 51.49), 6), round(rng.uniform(-2.65, -2.53), 6)
        pin_id = uuid.uuid4()
        found = i % 7 == 0
        item = ModerationItem(
            content_type=pin_type, object_id=str(pin_id), kind="pin",
            scan={{"pii": [{{"kind": "phone", "start": 4, "end": 16}}] if found else [],
                  "abuse": False, "disclosure": []}},
            scanned_at=now, pii_found=found,
            published_text="The underpass is dark and nobody is around after 9.",
            exercise="bedminster-evenings" if i % 3 == 0 else "",
        )
        items.append(item)
        pin = Pin(id=pin_id, feeling="unsafe", location_source="map", lat=lat, lng=lng,
                  comment="The underpass is dark and nobody is around after 9.",
                  contributor=f"bench-{{i}}", period=now.strftime("%Y-%m"), moderation=item)
        for field, cell in cells_for(lat, lng).items():
            setattr(pin, field, cell)
        pins.append(pin)
    ModerationItem.objects.bulk_create(items)
    Pin.objects.bulk_create(pins)

client = sign_in(Client(), make_staff("Moderators", username=f"bench-moderator-{{uuid.uuid4().hex[:6]}}"))
first = ModerationItem.objects.open().order_by("created_at").first()
pages = {{
    "queue": "/admin/moderation/queue/",
    "filtered": "/admin/moderation/queue/?flags=personal-data&exercise=bedminster-evenings",
    "last page": "/admin/moderation/queue/?p=200",
    "review": f"/admin/moderation/queue/{{first.pk}}/",
}}
queries = {{}}
for name, path in pages.items():
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (name, response.status_code)
    queries[name] = len(captured)
cookie = "; ".join(f"{{k}}={{m.value}}" for k, m in client.cookies.items())
print(json.dumps({{"cookie": cookie, "pages": pages, "queries": queries,
                  "pending": ModerationItem.objects.open().count()}}))
"""


def run_standalone() -> None:
    print(f"Preparing the moderation queue benchmark ({PENDING:,} pending items) ...", flush=True)
    staff_pages(
        "queue",
        POPULATE.format(n=PENDING),
        label="moderation",
        title="Moderation queue (signed-in moderator, one uvicorn worker, SQLite)",
        requests=REQUESTS,
        size=lambda setup: f"{setup['pending']:,} pending",
    )
