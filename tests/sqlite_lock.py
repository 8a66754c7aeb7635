"""Another process holding SQLite's write lock: a second, real connection to the test database
file takes `BEGIN IMMEDIATE` and keeps it while a request runs.

The test's own connection waits only a moment for the lock (its busy timeout is shortened for the
duration), so a request that would wait the production 5 s fails as it would under load."""

import sqlite3
from contextlib import contextmanager

import pytest

from django.db import connection


def skip_unless_sqlite() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single write lock: PostgreSQL lets writers run side by side")


@contextmanager
def write_lock_held_elsewhere(busy_timeout_ms: int = 100):
    skip_unless_sqlite()
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
    finally:
        other.rollback()
        other.close()
        if connection.connection is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA busy_timeout={int(previous)}")
