from django.conf import settings
from django.urls import reverse

from places.maps import map_config
from website.safety import safety_settings


def site_chrome(request):
    """What the base template needs on every page, public or not."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        # The exit site and local contacts, from the cache (website/safety.py).
        "safety": safety_settings(),
        # Everything a public map needs, handed to JavaScript through json_script.
        "map_config": map_config(),
        "primary_nav": [
            ("Young people", reverse("participation:hub")),
            ("Parents and carers", reverse("services_directory:directory") + "?for=parents"),
            ("Professionals", "/efh/"),  # a Wagtail page, found by its path
        ],
    }
