"""The static file path: leaflet.js (the largest asset) as the site sends it (hashed name, gzip,
through website/static_files.py in front of Django) against uvicorn sending the same compressed
bytes from memory without Django (bench/file_server.py)."""

import re

from bench.harness import BenchServer, FileServer, fetch, fetch_with_headers, load

GZIP = {"Accept-Encoding": "gzip, br"}
REQUESTS = 2000


def hashed_asset(server: BenchServer, name: str) -> str:
    _status, body = fetch(server.base + "/community-map/")
    return re.search(rf'"(/static/[^"]*{name})"'.encode(), body).group(1).decode()


def run(server: BenchServer) -> list:
    path = hashed_asset(server, r"leaflet\.[0-9a-f]{12}\.js")
    status, headers, body = fetch_with_headers(server.base + path, headers=GZIP)
    assert status == 200, (path, status)
    files = FileServer()
    limit_path = files.add("leaflet.js.gz", body)
    rows = []
    with files:
        for clients in (10, 50):
            site = load(
                f"static {path}",
                server.base + path,
                requests=REQUESTS,
                concurrency=clients,
                headers=GZIP,
            )
            bare = load(
                "  uvicorn, same bytes, no Django",
                files.base + limit_path,
                requests=REQUESTS,
                concurrency=clients,
            )
            ratio = bare.rps / site.rps if site.rps else float("nan")
            site.extra = (
                f"{len(body):,} bytes {headers.get('content-encoding', 'identity')}; "
                f"{headers.get('cache-control', '')}"
            )
            bare.extra = f"bare uvicorn is {ratio:.2f}x faster"
            rows += [site, bare]
    return rows
