"""Partnership analysts see the community map's published aggregates and export them: the
staff app grants that now (staff/roles.py). Kept, doing nothing, so that databases which applied
it keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("mapping", "0001_initial")]

    operations = []
