from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "workshops"
    verbose_name = "Mapping workshops"

    def ready(self):
        from participation import exercise_links

        # Live screens listen to committed pins and moderation decisions.
        from . import live  # noqa: F401
        from .services.exercises import ExerciseLinks

        # participation tags pins with exercises through this, without importing workshops.
        exercise_links.register(ExerciseLinks())
