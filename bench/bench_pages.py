"""Every public page type against its own bytes served as a static file by the same server, at 10
and 50 clients: the cost of Django and Wagtail over sending the bytes (the page cache's goal is
within 2x), measured once the page is in the cache. Clients send no cookies, as a first visit does, so a form page also sets its CSRF
cookie on every answer."""

import re

from bench.harness import BenchServer, fetch, load, populate

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


# Young people's views of the benched service, given as the real flow gives them, until the
# service shows a published view (issue 16: a service page with its view within the goal).
PUBLISH_VIEW = """
import json
from coproduction.models import ServiceViewPublication, StandOut
from coproduction.publication import threshold
from coproduction.youth_views import ViewSubmission, save_view
from participation.codes import keyed_hash
from services_directory.models import Service
service = Service.objects.get(slug=%r)
stood_out = tuple(StandOut.objects.filter(active=True)[:2])
for n in range(2 * threshold()):
    save_view(
        ViewSubmission(service=service, recommend="yes", stood_out=stood_out, comment=""),
        contributor=keyed_hash("contributor", f"bench-{n}"),
    )
print(json.dumps(ServiceViewPublication.objects.get(service=service).counts))
"""


def a_service_path(server: BenchServer) -> str:
    _status, body = fetch(server.base + "/services/")
    slug = re.search(rb'href="/services/(?!my-list/)([a-z0-9-]+)/"', body).group(1).decode()
    counts = populate(server, PUBLISH_VIEW % slug)
    assert counts.get("people"), counts  # the page shows a published view
    return f"/services/{slug}/"


def run(server: BenchServer) -> list:
    pages = [*PAGES, ("service page with young people's view", a_service_path(server))]
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
