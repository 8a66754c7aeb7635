from django.apps import AppConfig


class ServicesDirectoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "services_directory"
    verbose_name = "Services directory"

    def ready(self):
        from services_directory import search_choices

        # The search form's choices, cached between requests (services_directory/search_choices.py).
        search_choices.connect()
