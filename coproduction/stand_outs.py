"""The list of what can stand out in a young person's view (StandOut), kept in the cache between
requests.

A service page on a cache miss (CaptureQueriesContext) read it on every visit, the same rows for
every visitor, which change only when a Directory manager edits the list. Saving or deleting one
forgets it at once and again after the commit (a request in between may have read the old rows);
`PAGE_LOOKUP_SECONDS` bounds how stale a bulk change without signals can leave it. 0: read it on
every use."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import StandOut

VERSION_KEY = "page-lookups:stand-outs-version"


@dataclass(frozen=True)
class Item:
    slug: str
    label: str
    active: bool


def _read() -> tuple[Item, ...]:
    return tuple(Item(*row) for row in StandOut.objects.values_list("slug", "label", "active"))


def _all() -> tuple[Item, ...]:
    seconds = settings.PAGE_LOOKUP_SECONDS
    if seconds <= 0:
        return _read()
    key = f"page-lookups:stand-outs:{cache.get(VERSION_KEY) or '0'}"
    stored = cache.get(key)
    if stored is None:
        stored = _read()
        cache.set(key, stored, seconds)
    return stored


def active() -> list[Item]:
    """What a young person can pick, in the staff's order."""
    return [item for item in _all() if item.active]


def labels() -> dict[str, str]:
    """Every stand-out's label by slug (a published view may count one made inactive since)."""
    return {item.slug: item.label for item in _all()}


def forget() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _on_change(sender, **kwargs):
    forget()
    transaction.on_commit(forget)


def connect() -> None:
    post_save.connect(_on_change, sender=StandOut, dispatch_uid="stand_outs_saved")
    post_delete.connect(_on_change, sender=StandOut, dispatch_uid="stand_outs_deleted")
