"""Removes every demo pin (is_demo) with its moderation item, and the map releases that counted
them, so a site that starts from the demo can go live with real contributions only."""

from django.core.management.base import BaseCommand

from demo.pins import remove_demo_pins


class Command(BaseCommand):
    help = "Remove all demo pins and the community map releases built over them."

    def handle(self, *args, **options):
        removed = remove_demo_pins()
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {removed['pins']} demo pins and {removed['releases']} map releases "
                "that counted them."
            )
        )
