"""`manage.py send_safeguarding_alerts`: the every-minute job (moderation/due.py). Scans items
whose scan never ran, raises a backlog alert for overdue items, delivers every alert never sent
or whose email failed, and sends again every alert that no lead has acknowledged within
SAFEGUARDING_REALERT_MINUTES. Run it every minute (cron:
`* * * * * .venv/bin/python manage.py send_safeguarding_alerts`), or keep it running with
`--every 60` (e.g. as a systemd service next to the web workers)."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from moderation.due import every_minute


class Command(BaseCommand):
    help = "Late scans, the backlog alert and (re-)sending safeguarding alerts (every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=float, default=0, metavar="SECONDS", help="repeat until stopped"
        )

    def handle(self, *args, every, **options):
        while True:
            done = every_minute()
            if any(done.values()) or not every:
                self.stdout.write(
                    f"Safeguarding alerts sent again: {done['sent']}; late scans: "
                    f"{done['scanned']}; backlog alerts: {done['backlog']}"
                )
            if not every:
                return
            close_old_connections()
            time.sleep(every)
