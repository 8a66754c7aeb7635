"""The places-of-concern audit, append-only at the database as moderation's is.

On PostgreSQL a trigger refuses to delete an entry and to change one, except the one change the
application makes itself: Django setting `actor` to NULL when a staff account is deleted (the
entry keeps `actor_name`). Nothing else ever rewrites an entry, so nothing else is let through."""

from django.db import migrations

from security.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [
        ("concerns", "0002_action_publication"),
    ]

    operations = [
        append_only(
            table="concerns_concernaudit",
            name="concerns",
            noun="places-of-concern",
            refused_when="""NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW.action <> OLD.action
       OR NEW.actor_name <> OLD.actor_name OR NEW.detail <> OLD.detail
       OR NEW.report_id IS DISTINCT FROM OLD.report_id
       OR NEW.assessment_id IS DISTINCT FROM OLD.assessment_id
       OR (NEW.actor_id IS DISTINCT FROM OLD.actor_id AND NEW.actor_id IS NOT NULL)""",
        ),
    ]
