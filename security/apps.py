from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "security"
    label = "security"
    verbose_name = "Security"

    def ready(self):
        # Connects the audit log and the staff-socket closing to Django's auth signals.
        from . import audit  # noqa: F401
