from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = "Participation"

    def ready(self):
        # Workshops' live screens listen to committed pins and moderation decisions.
        from . import workshop_live  # noqa: F401
