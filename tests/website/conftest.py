import pytest

from django.core.management import call_command
from django.db import transaction

# Site search finds the EFH section's pages, so its tests build them with the efh fixtures.
from tests.efh.conftest import efh_index  # noqa: F401


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    from django.core.cache import cache

    from tests.participation.factories import ApprovedProposalFactory
    from website.site_tree import ensure_site_tree

    with django_db_blocker.unblock():
        # Cached answers are keyed by database state (e.g. the map's count of releases) that the
        # previous module's rollback has put back: start each module with an empty cache.
        cache.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            ensure_site_tree()
            call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
            ApprovedProposalFactory()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Runs the on-commit invalidations as a real commit would."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run
