"""Production: PostgreSQL and Redis, several ASGI workers behind one database and one Redis.

Refuses to start unless the operator has said what the secrets, the hosts and the database are."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env, env_bool, env_list

# REDIS_URL too: with several workers and no shared cache, each process keeps its own page cache
# and look-up caches, so a page made private (a view restriction, an unpublish) would still be
# served by the other workers until their copies expire; and the staff websockets of one worker
# would never hear what another worker sends. Redis is what makes a clear reach every worker.
_required = ("SECRET_KEY", "CONTRIBUTOR_HASH_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
_missing = [name for name in _required if not env(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )

# The demo content (made-up pins, services and pages) has no place on the live site.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The TLS terminator in front of the workers tells us the scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "servestatic.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "no-reply@saferplaces.bristol.example")

# Alert delivery never runs inside a contributor's request: it is queued in the database and
# sent by `manage.py db_worker --backend moderation` (see website/settings/base.py).
TASKS["moderation"] = {"BACKEND": "django_tasks_db.DatabaseBackend"}  # noqa: F405
