"""Six 40-megapixel PNG photos uploaded at once with pins (POST /have-your-say/pin/), against the
real server: the server process's peak resident memory while they are decoded, and a public
page's 95th percentile during the uploads against the same page's alone (issue 15: the same six
took a process from 519 MB to 1.9 GB and every page past a second).

Profile of one such upload (cProfile and ru_maxrss, participation.photos.clean_photo, before
this bench): 5.4 s and +307 MB, of which decoding 1.9 s, EXIF turning (a full copy) 1.6 s,
resizing the full image 1.2 s. Now the full-size pixels are box-reduced before any copy, and
decoding waits for one of PHOTO_DECODE_SLOTS per process: 1.8 s and +196 MB (the decoded pixels
themselves, 40 MP x 4 bytes, are the floor for a PNG).

Each upload comes from its own client address (X-Forwarded-For, believed from 127.0.0.1 as from
a local proxy) and without the contributor cookie, as from six phones."""

import http.client
import io
import re
import threading
import time
import uuid
from pathlib import Path

from bench.harness import BENCH_DIR, BenchServer, Row, fetch_with_headers, load

UPLOADS = 6
WIDTH, HEIGHT = 7296, 5472  # 39.9 MP: a 40 MP phone sensor's 4:3 photo
PAGE = "/community-map/"
PAGE_CLIENTS = 2
PAGE_REQUESTS_ALONE = 200
# The goal: a page during the uploads at most this many times slower (p95) than alone.
GOAL_RATIO = 3.0
UPLOAD_TIMEOUT = 180  # seconds; a phone gives up sooner, but the figure is how long it took


def png_40_megapixels() -> bytes:
    """A photo-sized PNG that compresses to under the 10 MB limit (made once, kept)."""
    path = BENCH_DIR / "photo-40mp.png"
    if path.exists():
        return path.read_bytes()
    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for x in range(0, WIDTH, 97):
        draw.line([(x, 0), (WIDTH - x, HEIGHT)], fill=(x % 255, 80, 160), width=3)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=9)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return out.getvalue()


def resident_mb(pid: int) -> float:
    """The process's and its children's resident memory (uvicorn may fork workers)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total / 1024


class PeakMemory:
    """Samples the server's resident memory every 20 ms until stopped."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, resident_mb(self.pid))
            time.sleep(0.02)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def multipart(fields: dict, photo: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    head = "".join(parts) + (
        f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="big.png"\r\n'
        "Content-Type: image/png\r\n\r\n"
    )
    body = head.encode() + photo + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def upload(server: BenchServer, i: int, photo: bytes) -> tuple[int, float]:
    address = f"10.77.{i}.9"
    status, headers, page = fetch_with_headers(
        server.base + "/have-your-say/pin/", headers={"X-Forwarded-For": address}
    )
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    csrf = re.search(r"csrftoken=([^;]+)", headers.get("set-cookie", "")).group(1)
    fields = {
        "csrfmiddlewaretoken": token,
        "idempotency_key": str(uuid.uuid4()),
        "feeling": "unsafe",
        "place": "castle-park",
        "location_source": "place",
        "reasons_unsafe": "poor-lighting",
    }
    body, content_type = multipart(fields, photo)
    headers = {
        "Content-Type": content_type,
        "Cookie": f"csrftoken={csrf}",
        "X-Forwarded-For": address,
        "Referer": server.base + "/have-your-say/pin/",
    }
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=UPLOAD_TIMEOUT)
    started = time.perf_counter()
    try:
        conn.request("POST", "/have-your-say/pin/", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0  # no answer within UPLOAD_TIMEOUT: counted as an error
    finally:
        conn.close()
    return status, time.perf_counter() - started


def page_while(server: BenchServer, running: threading.Event) -> Row:
    """PAGE from PAGE_CLIENTS clients, one request after another, for as long as `running`."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client():
        nonlocal errors
        while running.is_set():
            started = time.perf_counter()
            try:
                status, _headers, _body = fetch_with_headers(server.base + PAGE)
            except OSError:
                status = 0
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                errors += status != 200

    threads = [threading.Thread(target=client) for _ in range(PAGE_CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return Row(
        f"  {PAGE} during the uploads", len(latencies), PAGE_CLIENTS, seconds, latencies, errors
    )


def run(server: BenchServer) -> list:
    photo = png_40_megapixels()
    pid = server.process.pid
    for _ in range(3):  # steady state: the page rendered and cached once
        fetch_with_headers(server.base + PAGE)
    alone = load(
        f"{PAGE} alone", server.base + PAGE, requests=PAGE_REQUESTS_ALONE, concurrency=PAGE_CLIENTS
    )
    before = resident_mb(pid)
    results: list[tuple[int, float]] = []
    running = threading.Event()
    running.set()
    page_rows: list[Row] = []
    pages = threading.Thread(target=lambda: page_rows.append(page_while(server, running)))

    def one(i: int):
        results.append(upload(server, i, photo))

    uploads = [threading.Thread(target=one, args=(i,)) for i in range(UPLOADS)]
    started = time.perf_counter()
    with PeakMemory(pid) as memory:
        pages.start()
        for thread in uploads:
            thread.start()
        for thread in uploads:
            thread.join()
        running.clear()
        pages.join()
    seconds = time.perf_counter() - started
    statuses = sorted(status for status, _ in results)
    during = page_rows[0]
    ratio = during.p95 / alone.p95 if alone.p95 else float("nan")
    photo_row = Row(
        f"{UPLOADS} x 40 MP PNG pins at once",
        UPLOADS,
        UPLOADS,
        seconds,
        [elapsed * 1000 for _, elapsed in results],
        sum(status not in (201, 503) for status in statuses),
        f"{len(photo) / 1e6:.1f} MB each; answers {statuses} (0: none); server RSS {before:.0f} MB -> "
        f"peak {memory.peak:.0f} MB (+{memory.peak - before:.0f} MB)",
    )
    alone.extra = "the page with no upload"
    during.extra = (
        f"p95 {ratio:.1f}x alone ({'within' if ratio <= GOAL_RATIO else 'over'} {GOAL_RATIO:g}x)"
    )
    return [photo_row, alone, during]
