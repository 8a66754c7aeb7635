"""Builds the community map's releases for every month that is over and past its moderation
week, for the filters every visit asks for. Schedule it daily (after purge_expired): visitors
then never wait for an aggregation, and each month is frozen on a known day."""

from django.core.management.base import BaseCommand

from mapping.releases import build_releases


class Command(BaseCommand):
    help = "Build (and so freeze) the community map's monthly releases."

    def handle(self, *args, **options):
        built = build_releases()
        self.stdout.write(self.style.SUCCESS(f"Built {built} community map releases."))
