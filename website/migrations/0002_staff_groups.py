"""The five staff groups of the contract.

Wagtail's own first migration creates "Editors" and "Moderators" groups that may edit and publish
pages. Our Moderators moderate young people's contributions, not pages, so their page, image and
document permissions are taken away; Editors keep theirs. Every group may open the admin."""

from django.db import migrations

from website.staff_groups import ALL_GROUPS, MODERATORS

CMS_APPS = ("wagtailimages", "wagtaildocs")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in ALL_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
    moderators = Group.objects.get(name=MODERATORS)
    GroupPagePermission.objects.filter(group=moderators).delete()
    GroupCollectionPermission.objects.filter(group=moderators).delete()
    moderators.permissions.remove(
        *Permission.objects.filter(content_type__app_label__in=CMS_APPS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
