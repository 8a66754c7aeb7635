"""Every public page type against its own bytes served as a static file by the same server, at 10
and 50 clients: the cost of Django and Wagtail over sending the bytes (the page cache's goal is
within 2x), measured once the page is in the cache. Clients send no cookies, as a first visit does, so a form page also sets its CSRF
cookie on every answer."""

import re

from bench.harness import BenchServer, fetch, load

PAGES = [
    ("home", "/"),
    ("EFH index", "/efh/"),
    ("guidance page", "/efh/critical-moments/"),
    ("referral pathway", "/efh/referral-pathway/"),
    ("action plan", "/efh/action-plan/"),
    ("pin form", "/have-your-say/pin/"),
    ("ideas", "/have-your-say/ideas/"),
    ("community-map page", "/community-map/"),
    ("services directory", "/services/"),
]
CLIENTS = (10, 50)
REQUESTS = 500
GOAL = 2.0


def a_service_path(server: BenchServer) -> str:
    _status, body = fetch(server.base + "/services/")
    slug = re.search(rb'href="/services/(?!my-list/)([a-z0-9-]+)/"', body).group(1).decode()
    return f"/services/{slug}/"


def run(server: BenchServer) -> list:
    pages = [*PAGES, ("service page", a_service_path(server))]
    copies = {}
    for _name, path in pages:
        status, body = fetch(server.base + path)
        assert status == 200, (path, status)
        copy = f"page-copy-{len(copies)}.html"
        (server.static_root / copy).write_bytes(body)
        copies[path] = (copy, len(body))
    server.restart()  # the static index is built at start-up
    rows = []
    for name, path in pages:
        copy, size = copies[path]
        # Steady state, as a live site is: the page has been rendered once since the restart
        # (otherwise the first row measures ten clients rendering the same page at once).
        fetch(server.base + path)
        fetch(server.base + path)
        for clients in CLIENTS:
            page = load(
                f"{name} {path}", server.base + path, requests=REQUESTS, concurrency=clients
            )
            file = load(
                "  same bytes as a file",
                server.base + "/" + copy,
                requests=REQUESTS,
                concurrency=clients,
            )
            ratio = file.rps / page.rps if page.rps else float("nan")
            page.extra = f"{size:,} bytes"
            file.extra = (
                f"file is {ratio:.2f}x faster ({'within' if ratio <= GOAL else 'over'} {GOAL:g}x)"
            )
            rows += [page, file]
    return rows
