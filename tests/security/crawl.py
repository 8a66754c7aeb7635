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


def shape(path: str) -> str:
    """Pages whose paths differ only in the last segment are of one type (/services/<slug>/)."""
    segments = [segment for segment in path.split("/") if segment]
    return "/".join(segments[:-1]) + f"/*{len(segments)}"


def crawl_public_pages(client, limit: int = 60, per_type: int = 3):
    """Yields (url, response) for public HTML pages answering 200, breadth first: the contract's
    paths, then up to `per_type` pages of each type they link to."""
    queue = deque(CONTRACT_PUBLIC_PATHS)
    seen: set[str] = set()
    per_shape: dict[str, int] = {}
    while queue and len(seen) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        if url in seen:
            continue
        if url not in CONTRACT_PUBLIC_PATHS:
            if path in {urlsplit(done).path for done in seen}:
                continue  # the same page with other filters
            if per_shape.get(shape(path), 0) >= per_type:
                continue
        seen.add(url)
        per_shape[shape(path)] = per_shape.get(shape(path), 0) + 1
        response = client.get(url)
        if response.status_code != 200:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        yield url, response
        queue.extend(
            link for link in _internal_links(response.content.decode()) if link not in seen
        )
