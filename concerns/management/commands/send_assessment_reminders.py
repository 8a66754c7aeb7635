"""`manage.py send_assessment_reminders`: emails each coordinator whose location assessment has
reached its review date (concerns/reminders.py). Run it daily; it never sends one twice."""

from django.conf import settings
from django.core.management.base import BaseCommand

from concerns.reminders import send_review_reminders


class Command(BaseCommand):
    help = "Remind coordinators of location assessments due for review."

    def handle(self, *args, **options):
        sent = send_review_reminders(settings.WAGTAILADMIN_BASE_URL)
        self.stdout.write(f"Review reminders sent: {sent}")
