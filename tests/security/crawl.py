"""A small crawler over the public site for the security tests: every public page type the
contract names, plus whatever same-site pages they link to (detail pages of services, EFH pages,
ideas...), so the tests cover the pages that exist without naming each one."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

CONTRACT_PUBLIC_PATHS = [
    "/",
    "/efh/",
    "/services/",
    "/services/?for=parents",
    "/have-your-say/",
    "/have-your-say/pin/",
    "/have-your-say/ideas/",
    "/have-your-say/you-said-we-did/",
    "/have-your-say/receipt/",
    "/community-map/",
    "/search/?q=help",
]
# Not public pages, or not HTML: the crawler does not follow these.
SKIP_PREFIXES = ("/admin/", "/api/", "/static/", "/media/", "/documents/", "/ws/", "/workshop/")
_HREF = re.compile(r'href="(/[^"]*)"')


def _internal_links(html: str) -> list[str]:
    links = []
    for href in _HREF.findall(html):
        path, _ = urldefrag(href.replace("&amp;", "&"))
        if path.startswith("//") or path.startswith(SKIP_PREFIXES):
            continue
        links.append(path)
    return links


def crawl_public_pages(client, limit: int = 80):
    """Yields (path, response) for every public HTML page answering 200, breadth first."""
    queue = deque(CONTRACT_PUBLIC_PATHS)
    seen: set[str] = set()
    # One page per distinct path (query strings vary filters, not page types), contract paths
    # with their queries excepted.
    seen_paths: set[str] = set()
    while queue and len(seen) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        if url in seen or (path in seen_paths and url not in CONTRACT_PUBLIC_PATHS):
            continue
        seen.add(url)
        seen_paths.add(path)
        response = client.get(url)
        if response.status_code != 200:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        yield url, response
        queue.extend(link for link in _internal_links(html) if link not in seen)
