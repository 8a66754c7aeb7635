"""Pins, ideas and exercises point at places.NamedPlace (state only: the columns are unchanged)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("participation", "0005_exercise_workshop_permissions"),
        ("places", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="pin",
                    name="place",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="pins", to="places.namedplace"),
                ),
                migrations.AlterField(
                    model_name="proposal",
                    name="place",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="proposals", to="places.namedplace"),
                ),
                migrations.AlterField(
                    model_name="exercise",
                    name="places",
                    field=models.ManyToManyField(blank=True, help_text="Named places it covers, with or instead of a drawn area.", related_name="exercises", to="places.namedplace"),
                ),
            ],
            database_operations=[],
        ),
    ]
