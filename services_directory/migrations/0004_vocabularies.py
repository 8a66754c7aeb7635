from django.db import migrations

from services_directory.vocabulary import seed_vocabularies


def seed(apps, schema_editor):
    seed_vocabularies(
        apps.get_model("services_directory", "Taxonomy"),
        apps.get_model("services_directory", "TaxonomyTerm"),
    )


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0003_directory")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
