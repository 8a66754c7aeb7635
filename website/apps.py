from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from website import page_cache_signals, site_cache

        page_cache_signals.connect()
        site_cache.connect()
