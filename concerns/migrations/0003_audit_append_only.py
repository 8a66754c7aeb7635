"""The places-of-concern audit, append-only at the database as moderation's is.

On PostgreSQL a trigger refuses to delete an entry and to change one, except the one change the
application makes itself: Django setting `actor` to NULL when a staff account is deleted (the
entry keeps `actor_name`). Nothing else ever rewrites an entry, so nothing else is let through."""

from django.db import migrations

GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION concerns_audit_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'places-of-concern audit entries cannot be deleted';
    END IF;
    IF NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW.action <> OLD.action
       OR NEW.actor_name <> OLD.actor_name OR NEW.detail <> OLD.detail
       OR NEW.report_id IS DISTINCT FROM OLD.report_id
       OR NEW.assessment_id IS DISTINCT FROM OLD.assessment_id
       OR (NEW.actor_id IS DISTINCT FROM OLD.actor_id AND NEW.actor_id IS NOT NULL) THEN
        RAISE EXCEPTION 'places-of-concern audit entries cannot be changed';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
CREATE_TRIGGER = """
CREATE TRIGGER concerns_audit_append_only
BEFORE UPDATE OR DELETE ON concerns_concernaudit
FOR EACH ROW EXECUTE FUNCTION concerns_audit_guard();
"""
DROP = """
DROP TRIGGER IF EXISTS concerns_audit_append_only ON concerns_concernaudit;
DROP FUNCTION IF EXISTS concerns_audit_guard();
"""


def guard_audit(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD_FUNCTION)
        schema_editor.execute(CREATE_TRIGGER)


def unguard_audit(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("concerns", "0002_action_publication"),
    ]

    operations = [
        migrations.RunPython(guard_audit, unguard_audit),
    ]
