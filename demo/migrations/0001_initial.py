"""DemoLoad, moved here from website with its table and its rows.

The table keeps its website_* name (Meta.db_table), so this migration changes only Django's state;
website/migrations/0007 takes the model out of website's state. The content type row is
relabelled from website to demo, keeping its id."""

from django.db import migrations, models


def relabel(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label=old_label, model="demoload").first()
    if old is not None:
        # A type that post_migrate made under the new label holds only default permissions.
        ContentType.objects.filter(app_label=new_label, model="demoload").delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def relabel_content_type(apps, schema_editor):
    relabel(apps, "website", "demo")


def restore_content_type(apps, schema_editor):
    relabel(apps, "demo", "website")


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
