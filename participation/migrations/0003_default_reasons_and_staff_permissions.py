"""The starting reasons (staff edit them afterwards) and what each staff group may do here."""

from django.db import migrations

from website.staff_groups import EDITORS, MODERATORS, grant

REASONS = [
    ("unsafe", "adults-hanging-around", "Adults hanging around"),
    ("unsafe", "gangs-or-weapons", "Gangs or weapons"),
    ("unsafe", "drugs-or-alcohol", "Drugs or alcohol"),
    ("unsafe", "harassment", "Harassment"),
    ("unsafe", "bullying", "Bullying"),
    ("unsafe", "poor-lighting", "Poor lighting"),
    ("unsafe", "isolated", "Isolated, nobody around"),
    ("unsafe", "transport", "Transport: waiting for buses or trains"),
    ("safe", "trusted-adults", "Trusted adults or staff"),
    ("safe", "friends", "Friends"),
    ("safe", "busy-and-well-lit", "Busy and well lit"),
    ("safe", "things-to-do", "Things to do"),
]


def forwards(apps, schema_editor):
    Reason = apps.get_model("participation", "Reason")
    for order, (feeling, slug, label) in enumerate(REASONS):
        Reason.objects.get_or_create(
            slug=slug, defaults={"label": label, "feeling": feeling, "order": order}
        )
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
