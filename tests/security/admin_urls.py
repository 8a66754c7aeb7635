"""Every URL pattern under /admin/, made concrete with sample arguments."""

import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

_SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x/y", "uuid": str(uuid.uuid4())}
_CONVERTER = re.compile(r"<(?:(\w+):)?\w+>")


def _concrete(route: str) -> str:
    return _CONVERTER.sub(lambda match: _SAMPLES.get(match[1] or "str", "x"), route)


def _walk(patterns, prefix: str):
    for pattern in patterns:
        if not isinstance(pattern.pattern, RoutePattern):
            continue  # regex routes: Wagtail's catch-alls, covered by any path below
        route = prefix + _concrete(str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def admin_paths() -> list[str]:
    admin = next(
        p for p in get_resolver().url_patterns if str(getattr(p, "pattern", "")) == "admin/"
    )
    return sorted(set(_walk(admin.url_patterns, "/admin/")))
