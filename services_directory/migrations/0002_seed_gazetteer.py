from django.db import migrations

from places.gazetteer import PLACES
from places.geo import cells_for


def seed(apps, schema_editor):
    NamedPlace = apps.get_model("services_directory", "NamedPlace")
    for slug, name, kind, area, aliases, lat, lng in PLACES:
        NamedPlace.objects.get_or_create(
            slug=slug,
            defaults=dict(
                name=name, kind=kind, area=area, aliases=aliases, lat=lat, lng=lng,
                **cells_for(lat, lng),
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0001_gazetteer")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
