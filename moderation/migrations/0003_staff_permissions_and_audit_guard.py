"""An append-only audit at the database. (This migration also granted Moderators and
Safeguarding leads their permissions; the staff app does that now: staff/roles.py.)

On PostgreSQL a trigger refuses to delete audit entries and to change them, except the two
changes the application makes: retention erasing the free text of a deleted item's entries,
and Django setting `actor` to NULL when a staff account is deleted."""

from django.db import migrations


GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION moderation_audit_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'moderation audit entries cannot be deleted';
    END IF;
    IF NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW.item_id <> OLD.item_id
       OR NEW.kind <> OLD.kind OR NEW.action <> OLD.action OR NEW.reason <> OLD.reason
       OR NEW.actor_name <> OLD.actor_name
       OR (NEW.actor_id IS DISTINCT FROM OLD.actor_id AND NEW.actor_id IS NOT NULL)
       OR (NEW.before_text <> OLD.before_text AND NEW.before_text <> '')
       OR (NEW.after_text <> OLD.after_text AND NEW.after_text <> '')
       OR (NEW.note <> OLD.note AND NEW.note <> '')
       OR (NEW.referred_to <> OLD.referred_to AND NEW.referred_to <> '')
       OR (OLD.text_erased AND NOT NEW.text_erased) THEN
        RAISE EXCEPTION 'moderation audit entries cannot be changed';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
CREATE_TRIGGER = """
CREATE TRIGGER moderation_audit_append_only
BEFORE UPDATE OR DELETE ON moderation_auditentry
FOR EACH ROW EXECUTE FUNCTION moderation_audit_guard();
"""
DROP = """
DROP TRIGGER IF EXISTS moderation_audit_append_only ON moderation_auditentry;
DROP FUNCTION IF EXISTS moderation_audit_guard();
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
        ("moderation", "0002_safeguarding_audit_phrases"),
    ]

    operations = [
        migrations.RunPython(guard_audit, unguard_audit),
    ]
