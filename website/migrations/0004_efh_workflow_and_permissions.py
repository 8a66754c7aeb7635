"""Publishing an EFH page takes two people.

See efh/pages/approval.py for the rule; this runs it once on the page tree's root. (What
Editors may do with the section's topics and themes is granted by the staff app now:
staff/roles.py.)"""

from django.db import migrations

from efh.pages.approval import ensure_approval_workflow


def set_up(apps, schema_editor):
    # The task model was website's when this ran; it moved to efh in efh/migrations/0001.
    ensure_approval_workflow(apps, app_label="website")


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_efh_section"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
