"""The one map configuration every page's map starts from, handed to map-base.js through
json_script (see templates/includes/map_assets.html)."""

from django.conf import settings


def map_config(
    centre: tuple[float, float] | None = None,
    zoom: int | None = None,
    max_zoom: int | None = None,
) -> dict:
    """The tiles, their attribution and the zoom limits from settings; a page may centre the map
    elsewhere (a workshop on its area, a review on the pin) or zoom in closer."""
    leaflet = settings.LEAFLET_CONFIG
    return {
        "center": list(centre or leaflet["DEFAULT_CENTER"]),
        "zoom": zoom or leaflet["DEFAULT_ZOOM"],
        "minZoom": leaflet["MIN_ZOOM"],
        "maxZoom": max_zoom or leaflet["MAX_ZOOM"],
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }
