"""The gazetteer leaves the directory for the places app (state only: the table stays).

Location.place points at places.NamedPlace, the model leaves this app's state, and its content
type row is renamed in place so its permissions, group grants, search index entries and
references keep pointing at it."""

import django.db.models.deletion
from django.db import migrations, models


def rename_content_type(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    source = ContentType.objects.filter(app_label=old, model="namedplace").first()
    if source is None:
        return
    target = ContentType.objects.filter(app_label=new, model="namedplace").first()
    if target is None:
        source.app_label = new
        source.save(update_fields=["app_label"])
        return
    # Both rows exist (the new one made by a post_migrate run): keep the new row, carry over
    # the permissions of the old one that it lacks, and drop the old row.
    held = set(Permission.objects.filter(content_type=target).values_list("codename", flat=True))
    Permission.objects.filter(content_type=source).exclude(codename__in=held).update(
        content_type=target
    )
    source.delete()


def forwards(apps, schema_editor):
    rename_content_type(apps, schema_editor, "services_directory", "places")


def backwards(apps, schema_editor):
    rename_content_type(apps, schema_editor, "places", "services_directory")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("services_directory", "0005_directory_managers"),
        ("places", "0001_initial"),
        ("participation", "0006_namedplace_in_places"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="location",
                    name="place",
                    field=models.ForeignKey(blank=True, help_text="The named place it is at or near. Gives the position when none is entered.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="locations", to="places.namedplace"),
                ),
                migrations.DeleteModel(name="NamedPlace"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
