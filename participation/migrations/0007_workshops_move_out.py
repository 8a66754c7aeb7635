"""Exercises, workshops and paper entries leave participation for the workshops app (state only:
the tables stay). Pin.exercise points at workshops.Exercise, the models leave this app's state,
and their content type rows are renamed in place so permissions, group grants and admin log
entries keep pointing at them."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["exercise", "workshop", "facilitatorentry"]


def rename_content_types(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        source = ContentType.objects.filter(app_label=old, model=model).first()
        if source is None:
            continue
        target = ContentType.objects.filter(app_label=new, model=model).first()
        if target is None:
            source.app_label = new
            source.save(update_fields=["app_label"])
            continue
        # Both rows exist (the new one made by a post_migrate run): keep the new row, carry over
        # the permissions of the old one that it lacks, and drop the old row.
        held = set(Permission.objects.filter(content_type=target).values_list("codename", flat=True))
        Permission.objects.filter(content_type=source).exclude(codename__in=held).update(
            content_type=target
        )
        source.delete()


def forwards(apps, schema_editor):
    rename_content_types(apps, schema_editor, "participation", "workshops")


def backwards(apps, schema_editor):
    rename_content_types(apps, schema_editor, "workshops", "participation")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("participation", "0006_namedplace_in_places"),
        ("workshops", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="pin",
                    name="exercise",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="pins", to="workshops.exercise"),
                ),
                migrations.DeleteModel(name="FacilitatorEntry"),
                migrations.DeleteModel(name="Workshop"),
                migrations.DeleteModel(name="Exercise"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
