"""The safety settings every page shows (the exit site, local contacts under "Get help now"), kept
in the cache: two queries on every page otherwise. Saving the setting forgets the cached copy
(website/page_cache_signals.py)."""

from django.core.cache import cache

from wagtail.models import Site

from website.models import SafetySettings

SAFETY_KEY = "safety-settings"
_FIELDS = ("name", "phone", "url", "description", "hours")


def forget_safety_settings() -> None:
    cache.delete(SAFETY_KEY)


def safety_settings() -> dict:
    stored = cache.get(SAFETY_KEY)
    if stored is None:
        site = Site.objects.filter(is_default_site=True).first()
        safety = SafetySettings.for_site(site) if site else SafetySettings()
        stored = {
            "exit_url": safety.exit_url,
            "local_contacts": [
                {name: block.value.get(name) for name in _FIELDS} for block in safety.local_contacts
            ],
        }
        cache.set(SAFETY_KEY, stored, None)
    return stored
