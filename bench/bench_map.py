"""The community map's GeoJSON endpoint at 10,000, 100,000 and 1,000,000 approved pins, side by
side with the same bytes served as a static file, and the aggregation time.

`run_standalone` uses its own server and SQLite database (var/bench/map; BENCH_MAP_DATABASE_URL
runs it on another database, which must hold no other pins). For each size it tops the pins up
(`python -m bench.bench_map --load N`, in the server's environment: bulk inserts over twelve
months, a tenth as many contributors as pins, positions around the gazetteer's places), forgets
the releases, times building them (`--aggregate`: every month of the map's default answer, cold),
then drives GET /api/v1/community-map.geojson and the same bytes as a file.

Releases are frozen once built, so the endpoint's steady state is reading stored releases and a
cached answer: the "aggregation" column is the one-off cost of a month's release when it is first
asked for; the endpoint rows are what every later visitor gets."""

import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
import uuid

from bench.harness import ROOT, BenchServer, fetch, load, print_table

SIZES = [int(n) for n in os.environ.get("BENCH_MAP_SIZES", "10000,100000,1000000").split(",")]
MONTHS = 12
REQUESTS = int(os.environ.get("BENCH_MAP_REQUESTS", "300"))
URL = "/api/v1/community-map.geojson"
BATCH = 20_000


def run_standalone() -> None:
    env = {"DATABASE_URL": os.environ.get("BENCH_MAP_DATABASE_URL", "")}
    server = BenchServer("map", env=env)
    print(
        f"\nPreparing the community map benchmark ({', '.join(f'{n:,}' for n in SIZES)} pins) ..."
    )
    if server.dir.exists() and not env["DATABASE_URL"]:
        shutil.rmtree(server.dir)
    server.static_root.mkdir(parents=True, exist_ok=True)
    server.manage("migrate", "--no-input")
    rows, notes = [], []
    for size in SIZES:
        started = time.monotonic()
        helper(server, "--load", str(size))
        loaded = time.monotonic() - started
        timing = json.loads(helper(server, "--aggregate"))
        notes.append(
            f"{size:>9,} pins: loaded in {loaded:.0f} s; aggregation {timing['seconds']:.2f} s for "
            f"{timing['months']} monthly releases ({timing['per_month'] * 1000:.0f} ms a month), "
            f"{timing['cells']} published cells"
        )
        with server:
            started = time.monotonic()
            status, body = fetch(server.base + URL)
            assert status == 200, status
            cold = time.monotonic() - started
            static_path = server.publish_static(f"community-map-{size}.geojson", body)
            fetch(server.base + URL)  # the restarted server's first answer fills its cache
            dynamic = load(f"GeoJSON API, {size:,} pins", server.base + URL, requests=REQUESTS)
            static = load(
                f"same bytes as a file, {size:,}", server.base + static_path, requests=REQUESTS
            )
        notes[-1] += f"; first answer (releases stored, nothing cached) {cold:.2f} s"
        ratio = static.rps / dynamic.rps if dynamic.rps else float("nan")
        dynamic.extra = f"{len(body):,} bytes"
        static.extra = f"static is {ratio:.1f}x faster"
        rows += [dynamic, static]
    print_table(rows, "Community map GeoJSON (one uvicorn worker, releases built, answer cached)")
    print("Aggregation (building every month's frozen release from the pins, cold):")
    for note in notes:
        print(f"  {note}")
    sys.stdout.flush()


def helper(server: BenchServer, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_map", *args],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


# The rest runs inside Django, in the bench server's environment.


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    import django

    django.setup()


def positions(rng: random.Random, count: int) -> list[tuple[float, float, dict]]:
    """Spots around the gazetteer's places, with their cells computed once (pins reuse them)."""
    from places.geo import cells_for
    from places.models import NamedPlace

    places = list(NamedPlace.objects.values_list("lat", "lng"))
    spots = []
    for _ in range(count):
        lat, lng = rng.choice(places)
        lat, lng = round(lat + rng.gauss(0, 0.004), 6), round(lng + rng.gauss(0, 0.006), 6)
        spots.append((lat, lng, cells_for(lat, lng)))
    return spots


class RowWriter:
    """INSERTs model rows with executemany: every column from a prototype instance (so columns
    other apps add later keep their defaults), the varying ones given per row, already in
    database form. About ten times faster than bulk_create at a million rows."""

    def __init__(self, model, **prototype):
        from django.db import connection

        self.connection = connection
        # An auto-increment id is left to the database.
        self.fields = [
            f
            for f in model._meta.concrete_fields
            if not (f.primary_key and f.get_internal_type().endswith("AutoField"))
        ]
        proto = model(**prototype)
        self.base = {
            f.attname: f.get_db_prep_save(getattr(proto, f.attname), connection)
            for f in self.fields
        }
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in self.fields)
        placeholders = ", ".join(["%s"] * len(self.fields))
        # Identifiers from the model's own metadata, quoted; values go as parameters.
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        self.template = [self.base[f.attname] for f in self.fields]
        self.position = {f.attname: i for i, f in enumerate(self.fields)}
        self.rows: list[list] = []

    def prep(self, field_name: str, value):
        field = next(f for f in self.fields if f.attname == field_name)
        return field.get_db_prep_save(value, self.connection)

    def add(self, **values) -> None:
        row = self.template.copy()
        for name, value in values.items():
            row[self.position[name]] = value
        self.rows.append(row)

    def flush(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(self.sql, self.rows)
        self.rows = []


@contextlib.contextmanager
def without_secondary_indexes(connection, tables: list[str]):
    """SQLite: drops the tables' secondary indexes while loading and builds them again after,
    which is far faster than keeping a dozen indexes (some on random UUIDs) up to date row by
    row. Unique constraints and primary keys stay. Other databases: nothing changes."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        indexes = [(name, sql) for name, sql, table in cursor.fetchall() if table in tables]
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for _, sql in indexes:
                cursor.execute(sql)


def load_pins(total: int) -> None:
    """Tops the database up to `total` approved pins, in bulk, and forgets every release."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from mapping.models import Release
    from mapping.selection import last_released_month, months_back
    from moderation.models import ModerationItem, ModerationStatus
    from participation.models import Pin, Reason

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # A throwaway benchmark database: a big page cache, no fsync while loading.
            cursor.execute("PRAGMA cache_size=-400000")
            cursor.execute("PRAGMA synchronous=OFF")
    have = Pin.objects.count()
    rng = random.Random(have)
    spots = positions(rng, 20_000)
    reasons = {
        f: list(Reason.objects.filter(feeling=f).values_list("pk", flat=True))
        for f in ("safe", "unsafe")
    }
    last = last_released_month()
    months = [months_back(last, n) for n in range(MONTHS)]
    contributors = max(total // 10, 50)
    times = ["", "morning", "school-hours", "after-school", "evening", "night"]
    now = timezone.now()
    items = RowWriter(
        ModerationItem,
        content_type=ContentType.objects.get_for_model(Pin),
        kind="pin",
        status=ModerationStatus.APPROVED,
        created_at=now,
        updated_at=now,
        decided_at=now,
    )
    pins = RowWriter(
        Pin, feeling="safe", location_source="map", lat=0, lng=0, period="", created_at=now
    )
    links = RowWriter(Pin.reasons.through, pin_id=uuid.UUID(int=0), reason_id=0)
    pin_key = Pin._meta.pk
    tables = [ModerationItem._meta.db_table, Pin._meta.db_table, Pin.reasons.through._meta.db_table]
    with without_secondary_indexes(connection, tables):
        for start in range(have, total, BATCH):
            for _ in range(min(BATCH, total - start)):
                pin_id = uuid.uuid4()
                db_item_id = items.prep("id", uuid.uuid4())
                db_pin_id = pin_key.get_db_prep_save(pin_id, connection)
                items.add(id=db_item_id, object_id=str(pin_id))
                lat, lng, cells = rng.choice(spots)
                feeling = "unsafe" if rng.random() < 0.45 else "safe"
                pins.add(
                    id=db_pin_id,
                    feeling=feeling,
                    when=rng.choice(times),
                    lat=lat,
                    lng=lng,
                    **cells,
                    contributor=f"bench-contributor-{rng.randrange(contributors)}",
                    moderation_id=db_item_id,
                    period=rng.choice(months),
                )
                if reasons[feeling] and rng.random() < 0.5:
                    links.add(pin_id=db_pin_id, reason_id=rng.choice(reasons[feeling]))
            with transaction.atomic():
                items.flush()
                pins.flush()
                links.flush()
    Release.objects.all().delete()


def time_aggregation() -> dict:
    from mapping.models import Release
    from mapping.releases import published, released_months
    from mapping.selection import Selection

    Release.objects.all().delete()
    months = released_months(Selection())
    started = time.perf_counter()
    result = published(Selection())
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "months": len(months),
        "per_month": seconds / max(len(months), 1),
        "cells": len(result.cells),
    }


if __name__ == "__main__":
    setup_django()
    if sys.argv[1] == "--load":
        load_pins(int(sys.argv[2]))
    elif sys.argv[1] == "--aggregate":
        print(json.dumps(time_aggregation()))
