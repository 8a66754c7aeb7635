"""An append-only audit at the database. (This migration also granted Moderators and
Safeguarding leads their permissions; the staff app does that now: staff/roles.py.)

On PostgreSQL a trigger refuses to delete audit entries and to change them, except the two
changes the application makes: retention erasing the free text of a deleted item's entries,
and Django setting `actor` to NULL when a staff account is deleted."""

from django.db import migrations

from security.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_safeguarding_audit_phrases"),
    ]

    operations = [
        append_only(
            table="moderation_auditentry",
            name="moderation",
            noun="moderation",
            refused_when="""NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW.item_id <> OLD.item_id
       OR NEW.kind <> OLD.kind OR NEW.action <> OLD.action OR NEW.reason <> OLD.reason
       OR NEW.actor_name <> OLD.actor_name
       OR (NEW.actor_id IS DISTINCT FROM OLD.actor_id AND NEW.actor_id IS NOT NULL)
       OR (NEW.before_text <> OLD.before_text AND NEW.before_text <> '')
       OR (NEW.after_text <> OLD.after_text AND NEW.after_text <> '')
       OR (NEW.note <> OLD.note AND NEW.note <> '')
       OR (NEW.referred_to <> OLD.referred_to AND NEW.referred_to <> '')
       OR (OLD.text_erased AND NOT NEW.text_erased)""",
        ),
    ]
