from django.apps import AppConfig


class EFHConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "efh"
    verbose_name = "EFH section"

    def ready(self):
        from efh import restrictions

        restrictions.connect()
