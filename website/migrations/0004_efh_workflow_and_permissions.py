"""Publishing an EFH page takes two people, and Editors may keep the section's topics and themes.

See efh/pages/approval.py for the rule; this runs it once on the page tree's root."""

from django.db import migrations

from efh.pages.approval import ensure_approval_workflow
from website.staff_groups import EDITORS, grant


def set_up(apps, schema_editor):
    # The task model was website's when this ran; it moved to efh in efh/migrations/0001.
    ensure_approval_workflow(apps, app_label="website")
    grant(
        apps,
        EDITORS,
        "website",
        [
            f"{action}_{model}"
            for model in ("topic", "actionplantheme")
            for action in ("add", "change", "delete", "view")
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_efh_section"),
        ("website", "0002_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
