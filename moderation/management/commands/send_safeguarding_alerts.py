"""`manage.py send_safeguarding_alerts`: sends again every safeguarding alert that no lead has
acknowledged within SAFEGUARDING_REALERT_MINUTES. Run it every minute (cron:
`* * * * * .venv/bin/python manage.py send_safeguarding_alerts`), or keep it running with
`--every 60` (e.g. as a systemd service next to the web workers)."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from moderation.safeguarding import resend_unacknowledged_alerts


class Command(BaseCommand):
    help = "Re-send unacknowledged safeguarding alerts (run every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=float, default=0, metavar="SECONDS", help="repeat until stopped"
        )

    def handle(self, *args, every, **options):
        while True:
            sent = resend_unacknowledged_alerts()
            if sent or not every:
                self.stdout.write(f"Safeguarding alerts sent again: {sent}")
            if not every:
                return
            close_old_connections()
            time.sleep(every)
