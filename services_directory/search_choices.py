"""The directory search form's choices (needs, audiences, named places), kept in the cache
between requests.

A profile of /services/ on a cache miss (CaptureQueriesContext) found 3 of its 12 queries in
DirectorySearchForm's set-up: the two vocabularies and the named places, the same rows for every
visitor, which change only when a manager edits a term or a place. Saving or deleting one forgets
them at once and again after the commit (a request in between may have read the old rows);
an import that writes in bulk sends no signal, so `PAGE_LOOKUP_SECONDS` bounds how stale they
can be. 0: read them on every use."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from places.models import NamedPlace

from .models import AUDIENCES, NEEDS, Taxonomy, TaxonomyTerm

VERSION_KEY = "page-lookups:directory-search-choices-version"


def _read() -> tuple[list, list, list]:
    return (
        [(t.slug, t.name) for t in TaxonomyTerm.objects.of(NEEDS).order_by("order")],
        [(t.slug, t.name) for t in TaxonomyTerm.objects.of(AUDIENCES).order_by("order")],
        list(NamedPlace.objects.active()),
    )


def search_choices() -> tuple[list, list, list]:
    """(need choices, audience choices, active named places)."""
    seconds = settings.PAGE_LOOKUP_SECONDS
    if seconds <= 0:
        return _read()
    key = f"page-lookups:directory-search-choices:{cache.get(VERSION_KEY) or '0'}"
    stored = cache.get(key)
    if stored is None:
        stored = _read()
        cache.set(key, stored, seconds)
    return stored


def forget() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _on_change(sender, **kwargs):
    forget()
    transaction.on_commit(forget)


def connect() -> None:
    for model in (Taxonomy, TaxonomyTerm, NamedPlace):
        post_save.connect(
            _on_change, sender=model, dispatch_uid=f"search_choices_saved_{model.__name__}"
        )
        post_delete.connect(
            _on_change, sender=model, dispatch_uid=f"search_choices_deleted_{model.__name__}"
        )
