"""Directory managers keep the directory current: the staff app grants that now
(staff/roles.py). Kept, doing nothing, so that databases which applied it keep a consistent
history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0004_vocabularies")]

    operations = []
