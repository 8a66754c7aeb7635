"""An audit table made append-only at the database (PostgreSQL): a trigger refuses to delete an
entry and refuses every change but those the application itself makes (a deleted staff account's
`actor` set to NULL, retention erasing free text). Each audit's migration names its table and the
changes it lets through; the trigger's shape is written once, here.

SQLite has no such trigger language: there the models' own guards are the only line."""

from django.db import migrations


def append_only(*, table: str, name: str, noun: str, refused_when: str) -> migrations.RunPython:
    """The migration operation that guards `table`. `refused_when` is a SQL condition on NEW and
    OLD that is true for a change the application never makes."""
    function = f"{name}_audit_guard"
    trigger = f"{name}_audit_append_only"
    guard = f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '{noun} audit entries cannot be deleted';
    END IF;
    IF {refused_when} THEN
        RAISE EXCEPTION '{noun} audit entries cannot be changed';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
    create = f"""
CREATE TRIGGER {trigger}
BEFORE UPDATE OR DELETE ON {table}
FOR EACH ROW EXECUTE FUNCTION {function}();
"""
    drop = f"""
DROP TRIGGER IF EXISTS {trigger} ON {table};
DROP FUNCTION IF EXISTS {function}();
"""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(guard)
            schema_editor.execute(create)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(drop)

    return migrations.RunPython(forwards, backwards)
