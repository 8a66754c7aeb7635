from django.apps import AppConfig


class ServicesDirectoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "services_directory"
    verbose_name = "Services directory"
