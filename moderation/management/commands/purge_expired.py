"""`manage.py purge_expired`: the retention rules (see moderation/retention.py). Run it daily
(cron or a systemd timer); it is safe to run more often."""

from django.core.management.base import BaseCommand

from moderation.retention import purge_expired, retention_due
from services_directory.services import purge_old_reports


class Command(BaseCommand):
    help = "Apply the retention rules: exact positions, rejected contributions, orphan items."

    def handle(self, *args, **options):
        report = purge_expired()
        self.stdout.write(f"Retention: {report}")
        self.stdout.write(f"Retention: {purge_old_reports()} directory reports deleted")
        for _receiver, result in retention_due.send(sender=self.__class__, now=None):
            self.stdout.write(f"Retention: {result}")
        for error in report.errors:
            self.stderr.write(f"  {error}")
        if report.errors:
            raise SystemExit(1)
