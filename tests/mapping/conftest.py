import copy
import uuid

import pytest

from django.conf import settings as django_settings
from django.test import override_settings


def fresh_caches(caches: dict) -> dict:
    """The cache settings pointed at an empty namespace of their own (never clears a shared
    Redis, which other test runs and helpers use at the same time)."""
    caches = copy.deepcopy(caches)
    namespace = f"map-test-{uuid.uuid4().hex[:12]}"
    caches["default"]["KEY_PREFIX"] = namespace
    if caches["default"]["BACKEND"].endswith("LocMemCache"):
        caches["default"]["LOCATION"] = namespace
    return caches


def use_fresh_cache(settings) -> None:
    settings.CACHES = fresh_caches(settings.CACHES)


def fresh_cache():
    """A context manager for code that is not a pytest test (hypothesis examples)."""
    return override_settings(CACHES=fresh_caches(django_settings.CACHES))


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # Published answers are cached by their question; each test asks over its own data.
    use_fresh_cache(settings)
