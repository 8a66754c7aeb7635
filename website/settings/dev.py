"""The embedded default: `make run` on a fresh machine. SQLite and the in-memory channel layer
unless DATABASE_URL / REDIS_URL say otherwise."""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env, env_bool

DEBUG = env_bool("DEBUG", True)


def _local_key(name: str) -> str:
    # A key kept under var/ so sessions and keyed hashes survive a restart of `make run`.
    path = VAR_DIR / name
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env("SECRET_KEY") or _local_key("secret_key")
CONTRIBUTOR_HASH_KEY = env("CONTRIBUTOR_HASH_KEY") or _local_key("contributor_hash_key")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
SERVESTATIC_USE_FINDERS = True
SERVESTATIC_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "sent-mail"
