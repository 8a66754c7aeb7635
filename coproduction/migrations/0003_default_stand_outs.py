"""The list of what can stand out about a service that young people start with (staff edit it)."""

from django.db import migrations

DEFAULTS = [
    ("felt-safe", "Felt safe"),
    ("friendly-staff", "Friendly staff"),
    ("easy-to-get-to", "Easy to get to"),
    ("free-or-cheap", "Free or cheap"),
    ("listened-to-me", "Listened to me"),
    ("not-for-people-like-me", "Not for people like me"),
    ("hard-to-find-out-about", "Hard to find out about"),
]


def add_defaults(apps, schema_editor):
    StandOut = apps.get_model("coproduction", "StandOut")
    for order, (slug, label) in enumerate(DEFAULTS):
        StandOut.objects.get_or_create(slug=slug, defaults={"label": label, "sort_order": order})


def remove_defaults(apps, schema_editor):
    apps.get_model("coproduction", "StandOut").objects.filter(
        slug__in=[slug for slug, _ in DEFAULTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("coproduction", "0002_service_views")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
