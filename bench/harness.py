"""The benchmark harness: a real server in its own process, real HTTP from concurrent clients.

`BenchServer` starts uvicorn on a free port against a benchmark database of its own (SQLite under
var/bench/, or the database DATABASE_URL names), so figures never touch development data.
`load()` drives one URL from N client threads over keep-alive connections and returns a `Row`."""

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"


@dataclass
class Row:
    name: str
    requests: int
    concurrency: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)
    errors: int
    extra: str = ""

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")

    @property
    def p95(self) -> float:
        return self.percentile(95)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BenchServer:
    """uvicorn serving website.asgi in a child process, with its own database and static root."""

    def __init__(self, name: str = "default", workers: int = 1, env: dict | None = None):
        self.name = name
        self.workers = workers
        self.port = free_port()
        self.dir = BENCH_DIR / name
        self.static_root = self.dir / "static-root"
        self.env = dict(os.environ)
        self.env.update(
            {
                # Production's static files: collected, hashed, compressed (website/settings/bench).
                "DJANGO_SETTINGS_MODULE": "website.settings.bench",
                "DEBUG": "0",
                "VAR_DIR": str(self.dir),
                "SERVESTATIC_ROOT": str(self.static_root),
            }
        )
        self.env.update(env or {})
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args: str, quiet: bool = True) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL if quiet else None,
            stderr=subprocess.DEVNULL if quiet else None,
        )

    def prepare(self, fresh: bool = True) -> "BenchServer":
        if fresh and self.dir.exists() and "DATABASE_URL" not in self.env:
            shutil.rmtree(self.dir)
        self.static_root.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--no-input")
        self.manage("seed_demo", "--first-run")
        self.manage("collectstatic", "--no-input")
        return self

    def start(self) -> "BenchServer":
        return self._start("website.asgi:application")

    def _start(self, application: str) -> "BenchServer":
        cmd = [
            sys.executable,
            "-m",
            "uvicorn",
            application,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--lifespan",
            "off",
            "--log-level",
            "warning",
            "--no-access-log",
            "--workers",
            str(self.workers),
        ]
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=self.env)
        deadline = time.monotonic() + 180  # a loaded machine takes longer than 30 s
        while time.monotonic() < deadline:
            try:
                status, _ = fetch(self.base + "/")
                if status < 500:
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"bench server {self.name} did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def restart(self) -> "BenchServer":
        self.stop()
        self.port = free_port()
        return self.start()

    def publish_static(self, filename: str, body: bytes) -> str:
        """Writes bytes where whitenoise serves them, to compare a dynamic page with a file.
        whitenoise indexes its files at start-up, so the server restarts to see the new one."""
        (self.static_root / filename).write_bytes(body)
        self.restart()
        return f"/{filename}"

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class FileServer(BenchServer):
    """The limit a static answer is measured against: uvicorn sending bytes held in memory
    (bench/file_server.py), without Django."""

    def __init__(self, name: str = "files"):
        super().__init__(name)
        self.files_dir = self.dir / "files"
        self.files_dir.mkdir(parents=True, exist_ok=True)
        self.env["BENCH_FILES_DIR"] = str(self.files_dir)

    def add(self, name: str, body: bytes) -> str:
        (self.files_dir / name).write_bytes(body)
        return f"/{name}"

    def start(self) -> "FileServer":
        return self._start("bench.file_server:app")


def fetch(url: str, method: str = "GET", body: bytes | None = None, headers=None):
    status, _headers, content = fetch_with_headers(url, method, body, headers)
    return status, content


def fetch_with_headers(url: str, method: str = "GET", body: bytes | None = None, headers=None):
    """(status, headers as a dict with lower-case names, body)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        content = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, content
    finally:
        conn.close()


def load(
    name: str,
    url: str,
    *,
    requests: int = 400,
    concurrency: int = 10,
    method: str = "GET",
    make_request=None,
    ok_statuses=(200,),
    headers: dict | None = None,
) -> Row:
    """Sends `requests` requests from `concurrency` threads, each on its own keep-alive connection.

    `make_request(i)` may return (method, path, body, headers) per request, for POST workloads."""
    parts = urlsplit(url)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker():
        nonlocal errors
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        local_lat, local_err = [], 0
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            if make_request:
                req_method, path, body, request_headers = make_request(i)
            else:
                req_method = method
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                body, request_headers = None, headers or {}
            start = time.perf_counter()
            try:
                conn.request(req_method, path, body=body, headers=request_headers)
                response = conn.getresponse()
                response.read()
                if response.status not in ok_statuses:
                    local_err += 1
                if response.getheader("connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            except (OSError, http.client.HTTPException):
                local_err += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            local_lat.append((time.perf_counter() - start) * 1000)
        conn.close()
        with lock:
            latencies.extend(local_lat)
            errors += local_err

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return Row(name, requests, concurrency, elapsed, latencies, errors)


def print_table(rows: list[Row], title: str = "") -> None:
    headers = ["benchmark", "requests", "clients", "req/s", "p50 ms", "p95 ms", "errors", "notes"]
    data = [
        [
            row.name,
            str(row.requests),
            str(row.concurrency),
            f"{row.rps:,.0f}",
            f"{row.p50:.1f}",
            f"{row.p95:.1f}",
            str(row.errors),
            row.extra,
        ]
        for row in rows
    ]
    print_grid(headers, data, title)


def print_grid(headers: list[str], data: list[list[str]], title: str = "") -> None:
    """A plain-text table, columns as wide as their widest cell."""
    widths = [
        max(len(h), *(len(r[i]) for r in data)) if data else len(h) for i, h in enumerate(headers)
    ]
    if title:
        print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in data:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    sys.stdout.flush()


# The goal of a signed-in member of staff's page with 10,000 records behind it (the moderation
# queue's, issue 14): the 95th percentile under this many milliseconds.
STAFF_PAGE_P95_GOAL_MS = 200


def populate(server: BenchServer, script: str) -> dict:
    """Runs `script` in `manage.py shell` against the server's database; returns the JSON line
    it prints last."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def staff_pages(name: str, script: str, *, label: str, title: str, requests: int, size) -> list:
    """The shared run of a staff screen benchmark: a server of its own (`name`), filled by
    `script` (which prints {"cookie", "pages": {page: path}, "queries": {page: n}, ...}), each
    page loaded by 4 keep-alive clients with the signed-in cookie, one table printed. `size(setup)`
    says in the notes how much lay behind the pages; the notes also say whether each page met
    STAFF_PAGE_P95_GOAL_MS."""
    server = BenchServer(name).prepare()
    setup = populate(server, script)
    headers = {"Cookie": setup["cookie"]}
    rows = []
    with server:
        for page, path in setup["pages"].items():
            row = load(
                f"{label} {page}",
                server.base + path,
                requests=requests,
                concurrency=4,
                make_request=lambda i, path=path: ("GET", path, None, headers),
            )
            goal = "met" if row.p95 < STAFF_PAGE_P95_GOAL_MS else "MISSED"
            row.extra = (
                f"{setup['queries'][page]} queries; {size(setup)}; "
                f"goal p95 < {STAFF_PAGE_P95_GOAL_MS} ms {goal}"
            )
            rows.append(row)
    print_table(rows, title)
    return rows
