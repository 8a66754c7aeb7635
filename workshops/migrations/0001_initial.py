"""Exercises, workshops and paper entries move here from participation: state only, the tables
keep their participation_* names. participation 0007_workshops_move_out removes them from that
app's state and renames their content types."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import places.areas


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("participation", "0006_namedplace_in_places"),
        ("places", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Exercise",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("slug", models.SlugField(max_length=80, unique=True)),
                        ("title", models.CharField(max_length=200)),
                        ("prompt", models.TextField(blank=True, help_text="The question young people are asked, e.g. 'Where do you feel safe or unsafe around the high street after school?'", max_length=500)),
                        ("area", models.JSONField(blank=True, help_text="The area it covers, drawn on the map (a GeoJSON polygon).", null=True, validators=[places.areas.clean_area])),
                        ("starts_on", models.DateField(default=django.utils.timezone.localdate)),
                        ("ends_on", models.DateField(blank=True, help_text="Leave empty: no end date yet.", null=True)),
                        ("audience", models.CharField(choices=[("open", "Open to anyone (listed on Have your say)"), ("workshop", "Only in workshops")], default="open", max_length=10)),
                        ("concern_kind", models.CharField(blank=True, choices=[("location-of-concern", "A location of concern"), ("cce-problem-profile", "A CCE problem profile"), ("peer-group", "A peer group assessment"), ("other", "Something else")], max_length=30, verbose_name="concern it follows")),
                        ("concern", models.CharField(blank=True, help_text="Staff only, never shown publicly: e.g. the problem profile's reference.", max_length=255, verbose_name="about the concern")),
                        ("round_number", models.PositiveSmallIntegerField(default=1, editable=False)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                        ("first_round", models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="later_rounds", to="workshops.exercise")),
                        ("places", models.ManyToManyField(blank=True, help_text="Named places it covers, with or instead of a drawn area.", related_name="exercises", to="places.namedplace")),
                    ],
                    options={
                        "db_table": "participation_exercise",
                        "ordering": ["title", "round_number"],
                    },
                ),
                migrations.CreateModel(
                    name="Workshop",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(editable=False, max_length=6, unique=True)),
                        ("label", models.CharField(help_text="For staff only, e.g. 'Tuesday group, Hartcliffe youth club'. Never shown to participants; do not use anyone's name.", max_length=120)),
                        ("status", models.CharField(choices=[("open", "Open: taking pins"), ("paused", "Paused"), ("closed", "Closed")], db_index=True, default="open", max_length=10)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("closed_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        ("exercise", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="workshops", to="workshops.exercise")),
                        ("facilitator", models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "participation_workshop",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="FacilitatorEntry",
                    fields=[
                        ("pin", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name="facilitator_entry", serialize=False, to="participation.pin")),
                        ("workshop", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="paper_entries", to="workshops.workshop")),
                    ],
                    options={
                        "db_table": "participation_facilitatorentry",
                        "verbose_name_plural": "facilitator entries",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
