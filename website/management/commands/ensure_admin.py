"""Creates the first admin account with a random password and prints the sign-in once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an admin sign-in if there is none, and print it (only when it is created)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, username, url, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"Admin sign-in: {url} (the password was printed when it was first created; "
                "`python manage.py changepassword admin` sets a new one)"
            )
            return
        password = secrets.token_urlsafe(18)
        User.objects.create_superuser(username=username, email="", password=password)
        bar = "=" * 64
        self.stdout.write(
            f"\n{bar}\n  Admin sign-in created (shown once, keep it safe):\n"
            f"    {url}\n    username: {username}\n    password: {password}\n{bar}\n"
        )
