"""One writer at a time on SQLite, queued in the process rather than in SQLite's busy loop.

SQLite lets a single writer in and makes the others poll for the lock until `busy_timeout`; under
a burst the polling is not first come, first served, so an unlucky request can wait past the
timeout and fail with "database is locked". Queued on a lock here, the writers of one server
process reach SQLite one by one, in turn, and none of them gives up. PostgreSQL needs none of it:
its row locks let writers run side by side, so there this does nothing."""

import threading
from contextlib import contextmanager

from django.db import OperationalError, connections

_sqlite_writer = threading.Lock()


@contextmanager
def one_writer(using: str = "default"):
    connection = connections[using]
    # Inside a caller's transaction the write lock may already be held: queueing then could
    # only make both wait, so the caller's transaction goes on as it is.
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with _sqlite_writer:
        yield


def is_busy(error: Exception) -> bool:
    """A database too busy to take the write now (another process holds SQLite's lock)."""
    return isinstance(error, OperationalError) and "locked" in str(error).lower()
