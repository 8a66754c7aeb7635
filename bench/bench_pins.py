"""Pin and idea submission at 50 concurrent clients (POST /api/v1/pins, POST /api/v1/proposals),
on SQLite and on PostgreSQL.

Each request is a new pin with its own Idempotency-Key and no cookie (a new contributor each
time), from one of 50 client addresses: the X-Forwarded-For header, which uvicorn believes from
127.0.0.1 as it would from a local proxy, so the per-address limit sees 50 phones, not one.
A second row sends every submission twice at once, as a phone retrying on a bad connection
does: the answers must be 201, 200 (the stored answer) or 409 (still being processed).

PostgreSQL runs against its own database (BENCH_PG_URL, default spb_bench_pins on the local
server, recreated each run) with Redis as the cache when BENCH_REDIS_URL answers."""

import json
import os
import random
import socket
import sys
import uuid
from urllib.parse import urlsplit

from bench.harness import BenchServer, load, print_table

CLIENTS = 50
REQUESTS = int(os.environ.get("BENCH_PIN_REQUESTS", "1000"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/spb_bench_pins")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
REASONS = {"unsafe": ["poor-lighting", "isolated", "adults-hanging-around"], "safe": ["friends"]}
WHEN = ["morning", "school-hours", "after-school", "evening", "night", ""]


def pin_body(rng: random.Random) -> bytes:
    feeling = rng.choice(["safe", "unsafe"])
    body = {
        "feeling": feeling,
        "lat": round(rng.uniform(51.42, 51.49), 6),
        "lng": round(rng.uniform(-2.65, -2.53), 6),
        "reasons": rng.sample(REASONS[feeling], 1),
        "when": rng.choice(WHEN),
        "comment": rng.choice(["", "The underpass is dark.", "Lots of people around."]),
    }
    return json.dumps(body).encode()


IDEA_KINDS = ["youth-club", "sport", "music", "arts", "mentoring", "safe-space"]
IDEA_WHEN = ["after-school", "evenings", "weekends", "school-holidays", "any-time"]
IDEA_PLACES = ["southville", "southmead", "easton", "bedminster"]


def idea_maker():
    """A new idea (proposal) per request, with its own key, from one of the 50 addresses."""
    rng = random.Random(43)

    def make(i: int):
        body = {
            "title": rng.choice(["A youth club on Fridays", "Football on the green", "Music room"]),
            "what": rng.choice(IDEA_KINDS),
            "where": rng.choice(IDEA_PLACES),
            "when": rng.choice(IDEA_WHEN),
            "why": "Somewhere to go after school that is warm and has adults we trust.",
        }
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": str(uuid.uuid4()),
            "X-Forwarded-For": f"10.51.{i % CLIENTS}.7",
        }
        return "POST", "/api/v1/proposals", json.dumps(body).encode(), headers

    return make


def request_maker(duplicates: int = 1):
    """(method, path, body, headers) for request i; `duplicates` consecutive requests share a
    key and body, so with many clients they arrive at the same moment."""
    rng = random.Random(42)
    cache: dict[int, tuple[bytes, str]] = {}

    def make(i: int):
        group = i // duplicates
        if group not in cache:
            cache[group] = (pin_body(rng), str(uuid.uuid4()))
        body, key = cache[group]
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": key,
            "X-Forwarded-For": f"10.50.{i % CLIENTS}.7",
        }
        return "POST", "/api/v1/pins", body, headers

    return make


def rows_for(server: BenchServer, label: str) -> list:
    url = server.base + "/api/v1/pins"
    fresh = load(
        f"pin submission, {label}",
        url,
        requests=REQUESTS,
        concurrency=CLIENTS,
        make_request=request_maker(),
        ok_statuses=(201,),
    )
    fresh.extra = "every request a new pin"
    retried = load(
        f"pin submitted twice at once, {label}",
        url,
        requests=REQUESTS,
        concurrency=CLIENTS,
        make_request=request_maker(duplicates=2),
        ok_statuses=(200, 201, 409),
    )
    retried.extra = f"{REQUESTS // 2} pins, each sent twice"
    ideas = load(
        f"idea submission, {label}",
        server.base + "/api/v1/proposals",
        requests=REQUESTS,
        concurrency=CLIENTS,
        make_request=idea_maker(),
        ok_statuses=(201,),
    )
    ideas.extra = "every request a new idea"
    return [fresh, retried, ideas]


def run(server: BenchServer) -> list:
    return rows_for(server, "SQLite")


def _reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 5432), timeout=2):
            return True
    except OSError:
        return False


def _fresh_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_standalone() -> None:
    if not _reachable(PG_URL):
        print(f"\n(pin submission on PostgreSQL skipped: nothing answers at {PG_URL})")
        return
    _fresh_database(PG_URL)
    env = {"DATABASE_URL": PG_URL, "CACHE_PREFIX": f"bench-pins-{uuid.uuid4().hex[:8]}"}
    if _reachable(REDIS_URL):
        env["REDIS_URL"] = REDIS_URL
    print(
        "Preparing the PostgreSQL benchmark server (fresh database, demo content) ...", flush=True
    )
    server = BenchServer("pins-postgres", env=env).prepare()
    with server:
        rows = rows_for(server, "PostgreSQL")
    cache = "Redis" if "REDIS_URL" in env else "local memory"
    print_table(
        rows, f"Pin submission at {CLIENTS} clients (one uvicorn worker, PostgreSQL, {cache} cache)"
    )


if __name__ == "__main__":
    # `python -m bench.bench_pins`: both databases, without the other benchmarks.
    sqlite = BenchServer("pins-sqlite").prepare()
    with sqlite:
        print_table(
            run(sqlite), f"Pin submission at {CLIENTS} clients (one uvicorn worker, SQLite)"
        )
    run_standalone()
    sys.exit(0)
