"""Editors and Moderators run mapping exercises and workshops: the staff app grants that now
(staff/roles.py). Kept, doing nothing, so that databases which applied it keep a consistent
history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("participation", "0004_exercises_and_workshops")]

    operations = []
