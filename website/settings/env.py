"""Reading the environment: one place, so every settings module agrees on what a value means."""

import os

import dj_database_url


def env(name: str, default: str | None = None) -> str | None:
    # An empty variable counts as unset: `DATABASE_URL= make run` must not crash dj-database-url.
    value = os.environ.get(name, "")
    return value if value.strip() else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


SQLITE_OPTIONS = {
    # WAL lets readers carry on while one writer writes; IMMEDIATE takes the write lock at BEGIN so
    # two read-then-write transactions queue on busy_timeout instead of failing with "locked".
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=5000;PRAGMA foreign_keys=ON;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_env(sqlite_path) -> dict:
    url = env("DATABASE_URL")
    if url is None:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(sqlite_path),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Under ASGI each request may run on another thread; a pool beats persistent connections.
        config["CONN_MAX_AGE"] = 0
        config.setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": 10, "timeout": 20}
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    return config
