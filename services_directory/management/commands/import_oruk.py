"""`manage.py import_oruk SOURCE`: imports an Open Referral UK 3.0 feed (a URL or a JSON file)."""

import logging

from django.core.management.base import BaseCommand, CommandError

from services_directory.oruk.feeds import FeedError
from services_directory.oruk.importer import import_feed


class Command(BaseCommand):
    help = (
        "Import an Open Referral UK 3.0 feed into the directory: SOURCE is the API's address "
        "(its /services pages are read, then each /services/{id}) or a JSON file. Services are "
        "upserted by id; bad records are skipped with a message."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="https://example.org/api/ or a path to a JSON file")
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Create new services as drafts, for staff to check and publish.",
        )

    def handle(self, source, draft=False, **options):
        # Our own progress lines say what was fetched; httpx's per-request lines would repeat it.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        try:
            report = import_feed(source, publish=not draft, log=self.stdout.write)
        except FeedError as exc:
            raise CommandError(f"Cannot read the feed: {exc}") from exc
        for label, reason in report.skipped:
            self.stderr.write(f"Skipped {label}: {reason}")
        self.stdout.write(self.style.SUCCESS(f"Imported from {report.source}: {report.summary()}."))
        if report.stopped:
            raise CommandError(f"The feed failed, so the import stopped early: {report.stopped}")
