"""Publishing an EFH page takes two people.

See website/pages/approval.py for the rule; this runs it once on the page tree's root. (What
Editors may do with the section's topics and themes is granted by the staff app now:
staff/roles.py.)"""

from django.db import migrations

from website.pages.approval import ensure_approval_workflow


def set_up(apps, schema_editor):
    ensure_approval_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_efh_section"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
