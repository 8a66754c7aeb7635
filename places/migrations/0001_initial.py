"""NamedPlace moves here from services_directory: state only, the table keeps its name.

The table was created by services_directory 0001_gazetteer; services_directory
0006_namedplace_moves_to_places removes the model from that app's state once every foreign key
points here (participation 0006_namedplace_in_places)."""

import django.core.validators
import modelsearch.index
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("services_directory", "0001_gazetteer"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="NamedPlace",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("slug", models.SlugField(max_length=80, unique=True)),
                        ("name", models.CharField(max_length=120)),
                        ("kind", models.CharField(choices=[("neighbourhood", "Neighbourhood"), ("park", "Park or open space"), ("station", "Station or bus station"), ("shopping", "Shopping street or centre"), ("landmark", "Landmark")], max_length=20)),
                        ("area", models.CharField(blank=True, help_text="The part of the city, e.g. North, East Central, South.", max_length=60)),
                        ("aliases", models.CharField(blank=True, help_text="Other names people use, separated by commas.", max_length=255)),
                        ("lat", models.FloatField(validators=[django.core.validators.MinValueValidator(51.3), django.core.validators.MaxValueValidator(51.6)])),
                        ("lng", models.FloatField(validators=[django.core.validators.MinValueValidator(-2.8), django.core.validators.MaxValueValidator(-2.4)])),
                        ("h3_r7", models.CharField(db_index=True, editable=False, max_length=16)),
                        ("h3_r8", models.CharField(db_index=True, editable=False, max_length=16)),
                        ("h3_r9", models.CharField(db_index=True, editable=False, max_length=16)),
                        ("active", models.BooleanField(default=True)),
                    ],
                    options={
                        "verbose_name": "named place",
                        "ordering": ["name"],
                        "db_table": "services_directory_namedplace",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
    ]
