"""The one map configuration every page's map starts from, handed to map-base.js through
json_script (see templates/includes/map_assets.html)."""

from django.conf import settings


def map_config(
    centre: tuple[float, float] | None = None,
    zoom: int | None = None,
    max_zoom: int | None = None,
    around_contributions: bool = False,
) -> dict:
    """The tiles, their attribution and the zoom limits from settings; a page may centre the map
    elsewhere (a workshop on its area, a review on the pin) or zoom in closer.

    A staff map around young people's contributions (`around_contributions`) never zooms past
    settings.MAP_CONTRIBUTION_MAX_ZOOM: every tile the browser fetches tells the tile host where
    the map is, and finer tiles around a pin would tell it where a young person put it."""
    leaflet = settings.LEAFLET_CONFIG
    zoom = zoom or leaflet["DEFAULT_ZOOM"]
    max_zoom = max_zoom or leaflet["MAX_ZOOM"]
    if around_contributions:
        zoom = min(zoom, settings.MAP_CONTRIBUTION_MAX_ZOOM)
        max_zoom = min(max_zoom, settings.MAP_CONTRIBUTION_MAX_ZOOM)
    return {
        "center": list(centre or leaflet["DEFAULT_CENTER"]),
        "zoom": zoom,
        "minZoom": leaflet["MIN_ZOOM"],
        "maxZoom": max_zoom,
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }
