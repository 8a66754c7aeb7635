"""Reading an Open Referral UK feed: a live API (page by page, then each /services/{id}) or a
JSON file (a page envelope, a list of services, or one service)."""

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from .documents import EXPECTED, SERVICE, not_a_service, record_kind

PER_PAGE = 50
RETRIES = 2


class FeedError(Exception):
    """The feed itself failed (unreachable, not JSON, not ORUK): nothing more can be read."""


class RecordUnavailable(Exception):
    """One record could not be fetched; the import carries on without it."""


@dataclass
class Page:
    number: int
    total_pages: int
    items: list


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


class URLFeed:
    def __init__(self, source: str, client: httpx.Client | None = None):
        base = source.rstrip("/")
        # Accept the API root or its /services list.
        self.base = base[: -len("/services")] if base.endswith("/services") else base
        self.client = client or httpx.Client(
            timeout=30, follow_redirects=True, headers={"Accept": "application/json"}
        )

    def _get(self, path: str, params: dict | None = None):
        last_error: Exception | None = None
        for attempt in range(RETRIES + 1):
            try:
                response = self.client.get(self.base + path, params=params)
            except httpx.TransportError as exc:
                last_error = exc
                time.sleep(0.5 * (attempt + 1))
                continue
            if response.status_code >= 500 and attempt < RETRIES:
                last_error = httpx.HTTPStatusError(
                    f"{response.status_code}", request=response.request, response=response
                )
                time.sleep(0.5 * (attempt + 1))
                continue
            return response
        raise FeedError(f"{self.base}{path}: {last_error}")

    def pages(self) -> Iterator[Page]:
        number = 1
        while True:
            response = self._get("/services", {"page": number, "per_page": PER_PAGE})
            if response.status_code != 200:
                raise FeedError(f"{response.url}: HTTP {response.status_code}")
            try:
                body = response.json()
            except ValueError as exc:
                raise FeedError(f"{response.url}: not JSON ({exc})") from exc
            if not isinstance(body, dict) or not isinstance(body.get("contents"), list):
                raise FeedError(f"{response.url}: not an ORUK page (no 'contents' list)")
            total = int(body.get("total_pages") or 1)
            yield Page(number, total, body["contents"])
            if body.get("last_page") is True or number >= total or not body["contents"]:
                return
            number += 1

    def full_service(self, item: dict) -> dict:
        service_id = item.get("id")
        if not isinstance(service_id, str) or not service_id:
            return item  # The record check reports the missing id.
        response = self._get(f"/services/{service_id}")
        if response.status_code != 200:
            raise RecordUnavailable(f"GET /services/{service_id} answered {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise RecordUnavailable(f"GET /services/{service_id} is not JSON") from exc

    @property
    def label(self) -> str:
        return self.base


class FileFeed:
    def __init__(self, source: str):
        self.path = Path(source)
        try:
            self.body = json.loads(self.path.read_text())
        except OSError as exc:
            raise FeedError(f"{source}: {exc.strerror or exc}") from exc
        except ValueError as exc:
            raise FeedError(f"{source}: not JSON ({exc})") from exc

    def pages(self) -> Iterator[Page]:
        body = self.body
        if isinstance(body, dict) and isinstance(body.get("contents"), list):
            items = body["contents"]
        elif isinstance(body, list):
            items = body
        elif isinstance(body, dict):
            items = [body]
        else:
            raise FeedError(f"{self.path}: expected an ORUK page, a list or a service")
        kinds = {record_kind(item) for item in items}
        if items and SERVICE not in kinds:
            # Not one service in it: a file of organizations, say, is not imported record by
            # record as broken services.
            raise FeedError(
                f"{self.path}: {not_a_service(' and '.join(sorted(kinds)))}. {EXPECTED}."
            )
        yield Page(1, 1, items)

    def full_service(self, item: dict) -> dict:
        return item  # A file holds full records.

    @property
    def label(self) -> str:
        return str(self.path)


def open_feed(source: str):
    return URLFeed(source) if is_url(source) else FileFeed(source)
