"""The starting reasons (staff edit them afterwards) and what each staff group may do here."""

from django.db import migrations

from participation.reasons import ensure_default_reasons
from website.staff_groups import EDITORS, MODERATORS, grant



def forwards(apps, schema_editor):
    ensure_default_reasons(apps.get_model("participation", "Reason"))
    # Moderators answer ideas (they may read the original words); reasons and "you said, we did"
    # are everyday content for Editors and Moderators alike.
    grant(apps, MODERATORS, "participation", ["view_proposal", "change_proposal"])
    shared = [f"{action}_{model}" for model in ("reason", "outcome") for action in
              ("add", "change", "delete", "view")]  # fmt: skip
    grant(apps, MODERATORS, "participation", shared)
    grant(apps, EDITORS, "participation", shared)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0002_proposals_photos_idempotency"),
        ("website", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
