"""The home page against the same bytes served as a static file: the cost of Django and Wagtail."""

from bench.harness import BenchServer, fetch, load


def run(server: BenchServer) -> list:
    status, body = fetch(server.base + "/")
    assert status == 200, status
    static_path = server.publish_static("home-copy.html", body)
    rows = [
        load("home page (Wagtail)", server.base + "/", requests=600, concurrency=10),
        load("same bytes, static file", server.base + static_path, requests=600, concurrency=10),
    ]
    ratio = rows[1].rps / rows[0].rps if rows[0].rps else float("nan")
    rows[0].extra = f"{len(body):,} bytes"
    rows[1].extra = f"static is {ratio:.1f}x faster"
    return rows
