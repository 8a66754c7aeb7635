"""Which pages are under a view restriction, read once and shared by every check of a request.

Wagtail asks the database again for each `.public()` queryset (every restriction, joined to its
page) and, before it serves a page, twice more (its ancestors, then their restrictions). A profile
of the home page on a cache miss spent a third of its time in the `efh_highlights` tag's three
`.public()` querysets alone. The answer is the same for all of them: the tree paths of the
restricted pages, and of the alias pages (an alias takes its source's restrictions, which a path
cannot show). This module keeps that pair in the cache:

- `public(queryset)` is Wagtail's `.public()` (no page at or below a restricted page) built from it;
- `ViewRestrictionsMixin` answers Wagtail's own check before serving a page from it when no
  restriction and no alias sits on the page's path, and leaves every other case to Wagtail.

Saving or deleting a restriction or a page, or moving a page, forgets the pair at once and again
after the commit (a request in between may have read the old rows). `PAGE_LOOKUP_SECONDS` bounds
what no signal reaches (a process of its own with a local-memory cache, raw SQL); 0 reads the pair
again on every use, as the tests do unless they turn it on."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

INDEX_KEY = "page-lookups:view-restrictions"


@dataclass(frozen=True)
class RestrictionIndex:
    restricted_paths: tuple[str, ...]
    alias_paths: tuple[str, ...]

    def private_q(self) -> Q | None:
        q = Q()
        for path in self.restricted_paths:
            # Wagtail's descendant_of_q(page, inclusive=True): a tree path starts with its
            # ancestors' paths.
            q |= Q(path__startswith=path)
        return q or None

    def nothing_on_path(self, path: str) -> bool:
        """No restricted page and no alias at `path` or above it."""
        return not any(path.startswith(p) for p in (*self.restricted_paths, *self.alias_paths))


def _read() -> RestrictionIndex:
    return RestrictionIndex(
        restricted_paths=tuple(
            sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        ),
        alias_paths=tuple(
            Page.objects.filter(alias_of__isnull=False)
            .order_by("path")
            .values_list("path", flat=True)
        ),
    )


def restriction_index() -> RestrictionIndex:
    seconds = settings.PAGE_LOOKUP_SECONDS
    if seconds <= 0:
        return _read()
    index = cache.get(INDEX_KEY)
    if index is None:
        index = _read()
        cache.set(INDEX_KEY, index, seconds)
    return index


def public(queryset):
    """`queryset.public()`, from the shared index instead of a query of its own."""
    q = restriction_index().private_q()
    return queryset if q is None else queryset.exclude(q)


class ViewRestrictionsMixin:
    """For page types: the check Wagtail makes before serving a page (its `before_serve_page`
    hook iterates this) costs no query when nothing restricts the page. Otherwise, and for every
    other caller (the admin's privacy dialog orders the queryset), it is Wagtail's own."""

    def get_view_restrictions(self):
        if self.path and restriction_index().nothing_on_path(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def forget_restriction_index() -> None:
    cache.delete(INDEX_KEY)


def _on_change(sender, instance=None, **kwargs):
    if isinstance(instance, PageViewRestriction | Page):
        forget_restriction_index()
        transaction.on_commit(forget_restriction_index)


def connect() -> None:
    post_save.connect(_on_change, dispatch_uid="efh_restrictions_saved")
    post_delete.connect(_on_change, dispatch_uid="efh_restrictions_deleted")
    post_page_move.connect(_on_change, dispatch_uid="efh_restrictions_moved")
