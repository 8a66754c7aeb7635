"""For a member of staff who lost both their phone and their recovery codes: removes their
authenticator and codes so their next sign-in sets up a new one. Logged in the audit log."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from security.mfa import reset_second_factor
from security.staff_sockets import close_user_sockets


class Command(BaseCommand):
    help = "Remove a staff account's authenticator and recovery codes (they set up new ones)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account is called {username!r}.")
        reset_second_factor(user)
        close_user_sockets(user.pk)
        self.stdout.write(
            f"{username}: second factor removed. Their next sign-in asks them to set up an "
            "authenticator app; their open sessions now reach no admin view until then."
        )
