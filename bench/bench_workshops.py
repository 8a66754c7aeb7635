"""A live workshop under load: from a participant pressing Send to the pin on the facilitator's
screen, while a class of 30 phones keeps adding pins.

The rest of the class: 30 client threads post unsafe pins to /workshop/<code>/ (the plain form,
CSRF and all, a new contributor each time, one address per phone): nobody, a pin every 3 s each
(10 a second: a very busy room), then as fast as the server answers. The probe: 100 safe pins
sent one after another; each is timed from the start of its POST until the facilitator's
websocket hears it (the only safe pins, so each event is the probe's own), and from the reply
to the POST until then.

Two set-ups: SQLite with one uvicorn process (the in-memory channel layer), and PostgreSQL +
Redis with the facilitator on one uvicorn process and the phones on another, so every event
crosses processes through Redis (BENCH_PG_URL, default spb_bench_workshops, recreated)."""

import http.client
import json
import os
import re
import threading
import time
import uuid
from urllib.parse import urlencode

from websockets.sync.client import connect

from bench.bench_pins import _fresh_database, _reachable
from bench.harness import BenchServer, Row, populate, print_table

CLASS_SIZE = 30
PACE = 3.0  # seconds between one phone's pins in a busy room
PROBES = int(os.environ.get("BENCH_WORKSHOP_PROBES", "100"))
PG_URL = os.environ.get(
    "BENCH_PG_URL_WORKSHOPS", "postgres://postgres@127.0.0.1:5432/spb_bench_workshops"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")

# Runs inside `manage.py shell` against the benchmark database; prints one JSON line.
SETUP = """
import json, uuid
from django.test import Client
from staff.roles import EDITORS
from workshops.models import Audience, Exercise
from workshops.services.workshops import open_workshop
from tests.auth import make_staff, sign_in

exercise, _ = Exercise.objects.get_or_create(
    slug="bench-workshop", defaults={"title": "Bench workshop", "audience": Audience.WORKSHOP,
    "area": {"type": "Polygon", "coordinates": [[[-2.6, 51.44], [-2.55, 51.44], [-2.55, 51.47],
    [-2.6, 51.47], [-2.6, 51.44]]]}})
user = make_staff(EDITORS, username=f"bench-facilitator-{uuid.uuid4().hex[:6]}")
workshop = open_workshop(exercise, facilitator=user, label="Bench class")
client = sign_in(Client(), user)
cookie = "; ".join(f"{k}={m.value}" for k, m in client.cookies.items())
print(json.dumps({"code": workshop.code, "cookie": cookie}))
"""


class Phone:
    """One participant's phone: a keep-alive connection, the CSRF cookie, its own address."""

    def __init__(self, base: str, code: str, address: str):
        host, port = base.removeprefix("http://").split(":")
        self.conn = http.client.HTTPConnection(host, int(port), timeout=60)
        self.path = f"/workshop/{code}/"
        self.address = address
        self.conn.request("GET", self.path, headers={"X-Forwarded-For": address})
        response = self.conn.getresponse()
        page = response.read().decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
        # Only the CSRF cookie goes back: each pin comes from a new contributor, as from a class
        # of different phones, so no contributor's hourly limit is reached.
        self.cookie = f"csrftoken={csrf}"

    def send(self, feeling: str, place: str) -> int:
        reasons = "poor-lighting" if feeling == "unsafe" else "friends"
        body = urlencode(
            {
                "csrfmiddlewaretoken": self.token,
                "idempotency_key": str(uuid.uuid4()),
                "feeling": feeling,
                "place": place,
                f"reasons_{feeling}": reasons,
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": self.cookie,
            "X-Forwarded-For": self.address,
        }
        self.conn.request("POST", self.path, body=body, headers=headers)
        response = self.conn.getresponse()
        response.read()
        return response.status


def probe_latencies(screen, phone: Phone) -> tuple[list[float], list[float], int, float]:
    """PROBES safe pins one after another: (from Send, after the reply), errors, seconds."""
    from_send, after_reply, errors = [], [], 0
    started = time.perf_counter()
    for _ in range(PROBES):
        sent = time.perf_counter()
        if phone.send("safe", "castle-park") != 201:
            errors += 1
            continue
        replied = time.perf_counter()
        while True:
            event = json.loads(screen.recv(timeout=30))
            if event.get("type") == "pin" and event["pin"]["feeling"] == "safe":
                break
        heard = time.perf_counter()
        from_send.append((heard - sent) * 1000)
        after_reply.append((heard - replied) * 1000)
    return from_send, after_reply, errors, time.perf_counter() - started


def measure(label: str, screen_server: BenchServer, phone_server: BenchServer) -> list[Row]:
    setup = populate(phone_server, SETUP)
    code = setup["code"]
    rows = []
    ws_url = screen_server.base.replace("http://", "ws://") + f"/ws/workshop/{code}/"
    with connect(
        ws_url, origin=screen_server.base, additional_headers={"Cookie": setup["cookie"]}
    ) as screen:
        assert json.loads(screen.recv(timeout=10))["type"] == "snapshot"
        for pace, name in (
            (None, "quiet room"),
            (PACE, f"{CLASS_SIZE} phones, a pin every {PACE:g} s each"),
            (0, f"{CLASS_SIZE} phones flat out"),
        ):
            with BusyClass(phone_server.base, code, pace) as busy:
                from_send, after_reply, errors, seconds = probe_latencies(
                    screen, Phone(phone_server.base, code, "10.61.0.9")
                )
            row = Row(
                f"Send to facilitator's screen, {label}", PROBES, 1, seconds, from_send, errors
            )
            after = sorted(after_reply)[len(after_reply) // 2] if after_reply else float("nan")
            row.extra = f"{name}: {busy.rate:.0f} other pins/s; after the reply p50 {after:.1f} ms"
            rows.append(row)
    return rows


class BusyClass:
    """The rest of the class adding unsafe pins meanwhile: `pace` seconds between one phone's
    pins (0: as fast as the server answers; None: nobody)."""

    def __init__(self, base: str, code: str, pace: float | None):
        self.base, self.code, self.pace = base, code, pace
        self.stop = threading.Event()
        self.sent = 0
        self.lock = threading.Lock()
        self.threads = []
        self.rate = 0.0

    def phone(self, n: int) -> None:
        phone = Phone(self.base, self.code, f"10.60.{n}.{int(self.pace or 0) % 250}")
        # Phones start at different moments, as in a room.
        self.stop.wait((n / CLASS_SIZE) * (self.pace or 0))
        while not self.stop.is_set():
            phone.send("unsafe", "easton")
            with self.lock:
                self.sent += 1
            if self.pace:
                self.stop.wait(self.pace)

    def __enter__(self):
        if self.pace is not None:
            self.threads = [
                threading.Thread(target=self.phone, args=(n,)) for n in range(CLASS_SIZE)
            ]
            for thread in self.threads:
                thread.start()
            time.sleep(max(1.0, self.pace or 0))
        self.started = time.perf_counter()
        self.sent_at_start = self.sent
        return self

    def __exit__(self, *exc):
        elapsed = time.perf_counter() - self.started
        self.rate = (self.sent - self.sent_at_start) / elapsed if elapsed else 0.0
        self.stop.set()
        for thread in self.threads:
            thread.join()


def run_standalone() -> None:
    print("Preparing the workshop benchmark (SQLite, one process) ...", flush=True)
    rows = []
    server = BenchServer("workshops").prepare()
    with server:
        rows.extend(measure("SQLite, 1 process", server, server))
    if _reachable(PG_URL) and _reachable(REDIS_URL):
        print("... and PostgreSQL + Redis, two processes ...", flush=True)
        _fresh_database(PG_URL)
        prefix = f"bench-ws-{uuid.uuid4().hex[:8]}"
        # One site, two processes: the same database, Redis and keys.
        env = {
            "DATABASE_URL": PG_URL,
            "REDIS_URL": REDIS_URL,
            "CHANNEL_PREFIX": prefix,
            "CACHE_PREFIX": prefix,
            "SECRET_KEY": f"bench-{uuid.uuid4().hex}",
            "CONTRIBUTOR_HASH_KEY": f"bench-{uuid.uuid4().hex}",
        }
        screen = BenchServer("workshops-pg-screen", env=env).prepare()
        phones = BenchServer("workshops-pg-phones", env=env)
        with screen, phones:
            rows.extend(measure("PostgreSQL + Redis, 2 processes", screen, phones))
    else:
        print(f"(PostgreSQL + Redis rows left out: nothing answers at {PG_URL} or {REDIS_URL})")
    print_table(rows, "Live workshops (latency: from Send to the facilitator's websocket)")


if __name__ == "__main__":
    run_standalone()
