"""Directory search: the public /services/ page and the ORUK API, on the demo content (`run`)
and over 10,000 services and places (`run_standalone`, its own server and database).

`python -m bench.bench_directory --generate N` (run by run_standalone in the server's
environment) fills the database with N made-up services: names, needs, ages, schedules and, for
most, a public position somewhere in Bristol."""

import random
import subprocess
import sys
import time

from bench.harness import ROOT, BenchServer, fetch, load, print_table

SERVICES = 10_000
QUERIES = [
    ("text: county lines", "/services/?q=county+lines"),
    ("text + age + weekend", "/services/?q=youth+club&age=14&when=weekend"),
    ("need + near (distance sort)", "/services/?need=mentoring&near=bedminster"),
    (
        "all filters",
        "/services/?q=music&need=music-and-arts&age=15&when=evening&near=easton&within=2&free=on",
    ),
    ("open now + audience", "/services/?open=now&for=parents"),
    ("ORUK /services search", "/api/oruk/services?search=mentoring&per_page=50"),
    ("ORUK /services x_near", "/api/oruk/services?x_near=easton&x_age=14&per_page=50"),
]


def run(server: BenchServer) -> list:
    rows = []
    for name, path in QUERIES[:3] + QUERIES[5:6]:
        status, body = fetch(server.base + path)
        assert status == 200, (path, status)
        row = load(f"directory (demo): {name}", server.base + path, requests=200, concurrency=4)
        row.extra = f"{len(body):,} bytes"
        rows.append(row)
    return rows


def run_standalone() -> None:
    print(f"\nPreparing the directory benchmark ({SERVICES:,} services) ...", flush=True)
    server = BenchServer("directory").prepare()
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "bench.bench_directory", "--generate", str(SERVICES)],
        cwd=ROOT,
        env=server.env,
        check=True,
    )
    print(f"  generated in {time.monotonic() - started:.0f} s", flush=True)
    rows = []
    with server:
        for name, path in QUERIES:
            status, body = fetch(server.base + path)
            assert status == 200, (path, status)
            row = load(f"search 10k: {name}", server.base + path, requests=200, concurrency=4)
            row.extra = f"{len(body):,} bytes"
            rows.append(row)
    print_table(rows, f"Directory search over {SERVICES:,} services (one uvicorn worker)")


def generate(count: int) -> None:
    """Made-up services, written in bulk. Idempotent: tops the bench services up to `count`."""
    import datetime
    import os
    import uuid

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    django.setup()
    from django.db import transaction

    from places.geo import cells_for
    from places.models import NamedPlace
    from services_directory.models import (
        Location,
        Schedule,
        Service,
        ServiceAtLocation,
        ServiceKind,
        TaxonomyTerm,
    )
    from services_directory.text import normalise

    existing = Service.objects.filter(slug__startswith="bench-").count()
    if existing >= count:
        return
    rng = random.Random(42)
    words = [
        "youth",
        "club",
        "mentoring",
        "music",
        "arts",
        "sport",
        "football",
        "boxing",
        "advice",
        "parents",
        "carers",
        "support",
        "group",
        "drop-in",
        "counselling",
        "housing",
        "county",
        "lines",
        "exploitation",
        "safety",
        "wellbeing",
        "studio",
        "outreach",
        "family",
        "career",
    ]
    terms = list(TaxonomyTerm.objects.filter(taxonomy__slug__in=["needs", "audiences"]))
    places = list(NamedPlace.objects.all())
    today = datetime.date.today()
    services, links, locations, sites, schedules = [], [], [], [], []
    for n in range(existing, count):
        name = " ".join(rng.sample(words, 3)).capitalize() + f" {n}"
        description = " ".join(rng.choice(words) for _ in range(30))
        low = rng.choice([None, 5, 10, 11, 13, 16])
        high = rng.choice([None, 17, 18, 19, 25]) if low is None or low < 16 else None
        service = Service(
            id=uuid.uuid4(),
            slug=f"bench-{n}",
            name=name,
            description=description,
            kind=rng.choice([ServiceKind.SERVICE] * 3 + [ServiceKind.ASSET]),
            minimum_age=low,
            maximum_age=high,
            free=rng.random() < 0.6,
            assured_date=today - datetime.timedelta(days=rng.randint(0, 500)),
            search_text=f" {normalise(name + ' ' + description)} ",
            live=True,
        )
        services.append(service)
        for term in rng.sample(terms, rng.randint(1, 4)):
            links.append(Service.terms.through(service_id=service.id, taxonomyterm_id=term.id))
        if rng.random() < 0.7:
            place = rng.choice(places)
            lat = place.lat + rng.uniform(-0.01, 0.01)
            lng = place.lng + rng.uniform(-0.015, 0.015)
            location = Location(
                id=uuid.uuid4(),
                name=f"{place.name} venue {n}",
                lat=lat,
                lng=lng,
                confidential=rng.random() < 0.03,
                **cells_for(lat, lng),
            )
            locations.append(location)
            sites.append(ServiceAtLocation(id=uuid.uuid4(), service=service, location=location))
        for _ in range(rng.randint(0, 2)):
            opens = rng.randint(8, 19)
            schedules.append(
                Schedule(
                    id=uuid.uuid4(),
                    service=service,
                    byday=",".join(
                        sorted(
                            rng.sample(
                                ["MO", "TU", "WE", "TH", "FR", "SA", "SU"], rng.randint(1, 3)
                            )
                        )
                    ),
                    opens_at=datetime.time(opens),
                    closes_at=datetime.time(min(opens + rng.randint(2, 4), 23)),
                )
            )
    with transaction.atomic():
        Service.objects.bulk_create(services, batch_size=500)
        Service.terms.through.objects.bulk_create(links, batch_size=1000)
        Location.objects.bulk_create(locations, batch_size=500)
        ServiceAtLocation.objects.bulk_create(sites, batch_size=500)
        Schedule.objects.bulk_create(schedules, batch_size=500)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--generate":
        generate(int(sys.argv[2]))
    else:
        run_standalone()
