"""Partnership analysts see the community map's published aggregates and export them; they see
nothing finer (no pins, no moderation queue)."""

from django.db import migrations

from website.staff_groups import PARTNERSHIP_ANALYSTS, grant

CODENAMES = ["view_partnership_reports", "export_map_data", "view_mapexport"]


def grant_analysts(apps, schema_editor):
    grant(apps, PARTNERSHIP_ANALYSTS, "mapping", CODENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("mapping", "0001_initial"),
        ("website", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant_analysts, migrations.RunPython.noop)]
