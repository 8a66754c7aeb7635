"""The test suite: SQLite by default, PostgreSQL + Redis when DATABASE_URL / REDIS_URL are set."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105
CONTRIBUTOR_HASH_KEY = "test-only-contributor-hash-key-not-for-production-0123456789"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SERVESTATIC_USE_FINDERS = True
SERVESTATIC_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
# Browser journeys fill a form faster than any person: the minimum fill time is tested on its
# own (tests/security/test_abuse.py), with its production value.
FORM_MIN_FILL_SECONDS = 0

# Browser journeys and websocket tests run a real server thread against the test database, so
# SQLite must be a file (an in-memory database is private to one connection). The process id keeps
# two suites on one machine out of each other's way.
# A fresh clone has no var/ yet; the SQLite test database is created there.
VAR_DIR.mkdir(parents=True, exist_ok=True)
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
else:
    _db["TEST"] = {"NAME": f"test_{_db['NAME']}"}
    # Tests open and close many connections from server threads; a pool would hold them open
    # across the test database's teardown.
    _db.get("OPTIONS", {}).pop("pool", None)

# On a shared Redis, keep this run's cache keys and channel groups apart from any other run's;
# server processes started by the tests inherit the same prefix through the environment.
os.environ.setdefault("SPB_TEST_PREFIX", f"spb-test-{os.getpid()}")
if "CACHES" in globals() and "KEY_PREFIX" in CACHES["default"]:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = os.environ["SPB_TEST_PREFIX"]  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = os.environ["SPB_TEST_PREFIX"]  # noqa: F405
PAGE_CACHE_SECONDS = 0  # off in tests: tests change data behind signals' backs; tests/website/test_page_cache.py turns it on
# The same: tests/website/test_page_queries.py and the privacy tests turn it on.
PAGE_LOOKUP_SECONDS = 0
