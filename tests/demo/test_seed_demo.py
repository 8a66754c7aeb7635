"""`seed_demo`: every data set, idempotent, and `--first-run` loads only what was never loaded."""

import io

import pytest

from django.core.management import call_command

from demo.management.commands.seed_demo import DEMO_SETS
from demo.models import DemoLoad
from website.models import HomePage

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert HomePage.objects.count() == 1
    assert HomePage.objects.get().live


def test_first_run_skips_the_sets_a_database_recorded_before_the_demo_app():
    # A database seeded when each set lived in its own app recorded them by those module names.
    for name in (
        "website.demo",
        "services_directory.demo",
        "website.demo_efh",
        "participation.demo",
        "participation.demo_exercises",
        "mapping.demo",
    ):
        DemoLoad.objects.create(name=name)
    out = io.StringIO()
    call_command("seed_demo", "--first-run", stdout=out)
    assert "Loading" not in out.getvalue()
    assert not HomePage.objects.exists()
    assert DemoLoad.objects.count() == len(DEMO_SETS)
