"""The production-topology journey runs as its own CI step (`scripts/topology.sh`, `pytest -m
topology`): it starts nginx and two worker processes, which the rest of the suite has no need
to wait for. Everything under this folder is marked `topology` and is skipped in a run that
did not ask for it."""

import re
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import browser  # noqa: F401 (the journeys' Chromium, shared)

from .stack import start_collectstatic, wait_for_collectstatic

SKIP_UNLESS_ASKED = pytest.mark.skip(
    reason="the production-topology journey runs as its own step: bash scripts/topology.sh"
)
SKIP_NEEDS = pytest.mark.skip(
    reason="The production-topology journey needs PostgreSQL and Redis: run it with "
    "DATABASE_URL=postgres://... REDIS_URL=redis://... (as scripts/topology.sh and CI do)."
)
_static = pytest.StashKey()


def on_postgresql_and_redis() -> bool:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return engine == "django.db.backends.postgresql" and bool(settings.REDIS_URL)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    # `-m topology` (or `-m "topology and ..."`) asks for it; `-m "not topology"` does not.
    asked = re.search(r"(?<!not )\btopology\b", config.getoption("markexpr") or "") is not None
    mine = [item for item in items if here in Path(item.fspath).parents]
    # Decided here, before any fixture runs: a run that cannot go ahead neither collects static
    # files nor migrates a test database first.
    skip = SKIP_UNLESS_ASKED if not asked else None if on_postgresql_and_redis() else SKIP_NEEDS
    for item in mine:
        item.add_marker(pytest.mark.topology)
        if skip is not None:
            item.add_marker(skip)
    if mine and skip is None:
        # Started now, before pytest-django migrates the test database (a minute on
        # PostgreSQL), so the two overlap.
        log = Path(tempfile.mkstemp(prefix="spb-collectstatic-", suffix=".log")[1])
        config.stash[_static] = (start_collectstatic(log), log)


@pytest.fixture(scope="session")
def collected_static(pytestconfig):
    """Waits for the static files to be collected (started at collection, above)."""
    process, log = pytestconfig.stash[_static]
    wait_for_collectstatic(process, log)
    log.unlink(missing_ok=True)


def pytest_unconfigure(config):
    # A run that skipped the journey (no PostgreSQL) leaves nothing running behind it.
    started = config.stash.get(_static, None)
    if started is not None and started[0].poll() is None:
        started[0].kill()
        started[0].wait()
