"""Directory managers keep the directory current: every directory model, and publishing services."""

from django.db import migrations

from website.staff_groups import DIRECTORY_MANAGERS, grant

MODELS = ["service", "organization", "location", "taxonomy", "taxonomyterm", "listingfeedback",
          "namedplace"]


def grant_directory_managers(apps, schema_editor):
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    grant(apps, DIRECTORY_MANAGERS, "services_directory", codenames)
    # Wagtail creates the publish permission of draftable snippets after migrations; create it
    # now (same codename and name) so the group can hold it from the start.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    service_type = ContentType.objects.get(app_label="services_directory", model="service")
    publish, _ = Permission.objects.get_or_create(
        content_type=service_type, codename="publish_service",
        defaults={"name": "Can publish service or place"},
    )
    Group.objects.get(name=DIRECTORY_MANAGERS).permissions.add(publish)


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0004_vocabularies"),
        ("website", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(grant_directory_managers, migrations.RunPython.noop)]
