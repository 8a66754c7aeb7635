"""`manage.py purge_concerns`: the retention rules of places of concern (concerns/retention.py).
Run it daily; it is safe to run more often."""

from django.core.management.base import BaseCommand

from concerns.retention import purge_concerns


class Command(BaseCommand):
    help = "Delete unlinked reports about places and remove old text from closed assessments."

    def handle(self, *args, **options):
        self.stdout.write(f"Places of concern retention: {purge_concerns()}")
