"""Editors and Moderators run mapping exercises and workshops."""

from django.db import migrations

from website.staff_groups import EDITORS, MODERATORS, grant


def forwards(apps, schema_editor):
    codenames = [
        *(f"{action}_exercise" for action in ("add", "change", "delete", "view")),
        *(f"{action}_workshop" for action in ("add", "change", "view")),
    ]
    for group in (EDITORS, MODERATORS):
        grant(apps, group, "participation", codenames)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0004_exercises_and_workshops"),
        ("website", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
