from django.conf import settings


def site_chrome(request):
    """What the base template needs on every page, public or not."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        # Everything a public map needs, handed to JavaScript through json_script.
        "map_config": {
            "center": list(settings.LEAFLET_CONFIG["DEFAULT_CENTER"]),
            "zoom": settings.LEAFLET_CONFIG["DEFAULT_ZOOM"],
            "minZoom": settings.LEAFLET_CONFIG["MIN_ZOOM"],
            "maxZoom": settings.LEAFLET_CONFIG["MAX_ZOOM"],
            "tiles": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
        },
        "primary_nav": [
            ("Young people", "/have-your-say/"),
            ("Parents and carers", "/services/?for=parents"),
            ("Professionals", "/efh/"),
        ],
    }
