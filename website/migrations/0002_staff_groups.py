"""The five staff groups of the contract: granted by the staff app now (staff/roles.py, staff
migration 0001 and the sync after every migrate). Kept, doing nothing, so that databases which
applied it keep a consistent history and website 0003 keeps its parent."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = []
