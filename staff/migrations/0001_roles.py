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
        ("website", "0007_demo_models_moved"),
        ("efh", "0001_initial"),
        ("moderation", "0003_staff_permissions_and_audit_guard"),
        ("participation", "0007_workshops_move_out"),
        ("workshops", "0001_initial"),
        ("places", "0001_initial"),
        ("mapping", "0002_partnership_analysts"),
        ("services_directory", "0006_namedplace_moves_to_places"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
