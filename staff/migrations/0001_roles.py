"""The staff roles of staff/roles.py, in the database: every group with exactly its permissions.

Before this app existed, seven data migrations in four apps granted these piece by piece; they
are kept (as no-ops) so existing databases keep a consistent history, and this grants the same
in one place. It depends on the latest migration of every app whose permissions the matrix names
today, so the models behind them exist; a permission of a model added later is granted by the sync
after the same migrate (post_migrate)."""

from django.db import migrations

from staff.sync import sync_roles


def forwards(apps, schema_editor):
    sync_roles(apps=apps, using=schema_editor.connection.alias, strict=False)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("website", "0005_related_services_block"),
        ("moderation", "0003_staff_permissions_and_audit_guard"),
        ("participation", "0005_exercise_workshop_permissions"),
        ("mapping", "0002_partnership_analysts"),
        ("services_directory", "0005_directory_managers"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
