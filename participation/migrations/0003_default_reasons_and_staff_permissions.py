"""The starting reasons (staff edit them afterwards). (What each staff group may do here was
granted here too; the staff app does that now: staff/roles.py.)"""

from django.db import migrations

from participation.reasons import ensure_default_reasons


def forwards(apps, schema_editor):
    ensure_default_reasons(apps.get_model("participation", "Reason"))


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0002_proposals_photos_idempotency"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
