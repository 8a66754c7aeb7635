"""DemoLoad, moved here from website with its table and its rows.

The table keeps its website_* name (Meta.db_table), so this migration changes only Django's state;
website/migrations/0007 takes the model out of website's state. The content type row is
relabelled from website to demo, keeping its id."""

from django.db import migrations, models


def relabel_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="website", model="demoload").first()
    if old is not None:
        # A type made under the new label first holds nothing but default permissions.
        ContentType.objects.filter(app_label="demo", model="demoload").delete()
        old.app_label = "demo"
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="demo", model="demoload").update(app_label="website")
    ContentType.objects.clear_cache()


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        # website's first migration created the table.
        ('website', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DemoLoad',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=80, unique=True)),
                        ('loaded_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'website_demoload',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_type, restore_content_type),
    ]
