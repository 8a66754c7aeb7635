from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = "Participation"

    def ready(self):
        from moderation.retention import retention_due

        from .retention import settle_sources

        def settle(sender, now=None, **kwargs):
            return settle_sources(now)

        # Kept by the app (weak=False: the closure has no other reference).
        retention_due.connect(settle, weak=False, dispatch_uid="participation.settle_sources")
