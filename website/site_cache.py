"""The Wagtail Site of a request, with its root page, kept in the cache between requests.

Wagtail finds the Site for every request with a query (`Site.find_for_request`), then loads the
root page's specific type with another: 14% and a share of the routing in a profile of the home
page on a cache miss. Both depend only on the host and port and on rows that change when an editor
saves a page or a site, so `CachedSiteMiddleware` hands Wagtail the answer it would have found
(Wagtail keeps it on the request as `_wagtail_site` and reads it from there), with the root
page's specific instance already loaded.

Saving or deleting a Site or any page forgets every stored answer at once and again after the
commit (a request in between may have read the old rows); `PAGE_LOOKUP_SECONDS` bounds what no
signal reaches."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

VERSION_KEY = "page-lookups:site-version"


def forget_sites() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _find(hostname: str, port) -> Site | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page.specific  # noqa: B018 -- loaded now, so that it is stored with the site
    return site


def site_for(request) -> Site | None:
    """What `Site.find_for_request` would answer (the same host and port, the same look-up)."""
    # get_host() first: it refuses a host outside ALLOWED_HOSTS, so no stranger's Host header
    # becomes a cache entry.
    request.get_host()
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    seconds = settings.PAGE_LOOKUP_SECONDS
    if seconds <= 0:
        return _find(hostname, port)
    version = cache.get(VERSION_KEY) or "0"
    key = f"page-lookups:site:{version}:{hostname}:{port}"
    stored = cache.get(key)
    if stored is None:
        # A tuple, so that "no site for this host" is remembered as well.
        stored = (_find(hostname, port),)
        cache.set(key, stored, seconds)
    return stored[0]


class CachedSiteMiddleware:
    """After CommonMiddleware (the host is checked) and the page cache (a hit needs no site)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_LOOKUP_SECONDS > 0 and not request.path_info.startswith("/admin/"):
            request._wagtail_site = site_for(request)
        return self.get_response(request)


def _on_change(sender, instance=None, **kwargs):
    if isinstance(instance, Site | Page):
        forget_sites()
        transaction.on_commit(forget_sites)


def connect() -> None:
    post_save.connect(_on_change, dispatch_uid="site_cache_saved")
    post_delete.connect(_on_change, dispatch_uid="site_cache_deleted")
