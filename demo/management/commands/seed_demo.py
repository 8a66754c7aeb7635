"""Loads the demo content of every app, in dependency order. Idempotent: each data set's `seed`
creates what is missing and leaves what staff have changed alone."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import directory, efh, exercises, participation, pins, site
from demo.models import DemoLoad

# The directory comes before the EFH pages (their "related services" blocks point at it), and
# contributions before the maps that aggregate them. Each set is recorded under the name of the
# module it lived in before the demo app gathered them, so `--first-run` on a database seeded
# then does not load it again.
DEMO_SETS = [
    ("website.demo", site),
    ("services_directory.demo", directory),
    ("website.demo_efh", efh),
    ("participation.demo", participation),
    ("participation.demo_exercises", exercises),
    ("mapping.demo", pins),
]


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--first-run",
            action="store_true",
            help="Only load data sets that have never been loaded into this database.",
        )

    def handle(self, *args, first_run=False, **options):
        for name, module in DEMO_SETS:
            if first_run and DemoLoad.objects.filter(name=name).exists():
                continue
            self.stdout.write(f"Loading {name} ...")
            with transaction.atomic():
                module.seed(lambda message: self.stdout.write(f"  {message}"))
                DemoLoad.objects.get_or_create(name=name)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
