import pytest

from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def seeded_public_pages(django_db_setup, django_db_blocker):
    """The demo content loaded once for a module, and the public pages crawled once. The data
    lives in a transaction rolled back after the module; each test's own changes nest inside it
    as savepoints, so tests stay independent."""
    from tests.participation.factories import ApprovedProposalFactory
    from tests.security.crawl import crawl_public_pages
    from website.site_tree import ensure_site_tree

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            ensure_site_tree()
            call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
            ApprovedProposalFactory()
            from django.test import Client

            pages = list(crawl_public_pages(Client(enforce_csrf_checks=True)))
            yield pages
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
