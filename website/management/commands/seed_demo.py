"""Loads the demo content of every app, in dependency order. Idempotent: each app's `demo.seed`
creates what is missing and leaves what staff have changed alone."""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from website.models import DemoLoad

# The directory comes before the EFH pages (their "related services" blocks point at it), and
# contributions before the maps that aggregate them.
DEMO_MODULES = [
    "website.demo",
    "services_directory.demo",
    "website.demo_efh",
    "moderation.demo",
    "participation.demo",
    "participation.demo_exercises",
    "mapping.demo",
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
        for module_name in DEMO_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name == module_name:
                    continue
                raise
            if first_run and DemoLoad.objects.filter(name=module_name).exists():
                continue
            self.stdout.write(f"Loading {module_name} ...")
            with transaction.atomic():
                module.seed(lambda message: self.stdout.write(f"  {message}"))
                DemoLoad.objects.get_or_create(name=module_name)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
