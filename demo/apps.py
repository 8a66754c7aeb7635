from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Made-up content for development, tests and showing the site: never installed in
    production (settings/production.py takes it out of INSTALLED_APPS)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo content"
