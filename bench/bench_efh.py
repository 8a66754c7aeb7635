"""The EFH section's pages and site search, served by Wagtail from the demo content."""

from bench.harness import BenchServer, fetch, load

PAGES = [
    ("EFH index /efh/", "/efh/"),
    ("guidance page with pathway sidebar", "/efh/critical-moments/"),
    ("referral pathway (step by step)", "/efh/referral-pathway/"),
    ("action plan (23 proposals)", "/efh/action-plan/"),
    ("action plan filtered by status", "/efh/action-plan/?status=green"),
    ("site search: pages and services", "/search/?q=exploitation"),
]


def run(server: BenchServer) -> list:
    rows = []
    for name, path in PAGES:
        status, body = fetch(server.base + path)
        assert status == 200, (path, status)
        row = load(name, server.base + path, requests=300, concurrency=10)
        row.extra = f"{len(body):,} bytes"
        rows.append(row)
    return rows
