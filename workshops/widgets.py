"""The admin widget for an exercise's area: a map to draw it on, over a textarea holding the same
area as GeoJSON (django-leaflet's LeafletWidget needs GDAL, which this project does without).

The textarea is the field: without JavaScript, or for a precise outline made elsewhere, staff
paste GeoJSON into it; the map (Leaflet and Leaflet.draw from django-leaflet's static files)
writes the drawn area into it."""

import json

from django import forms
from django.conf import settings

from places.areas import clean_area


def map_config(centre: tuple[float, float] | None = None, zoom: int | None = None) -> dict:
    """What map-base.js needs (see templates/includes/map_assets.html), centred elsewhere if
    asked: a widget renders without the request's context, and a workshop centres on its area."""
    leaflet = settings.LEAFLET_CONFIG
    return {
        "center": list(centre or leaflet["DEFAULT_CENTER"]),
        "zoom": zoom or leaflet["DEFAULT_ZOOM"],
        "minZoom": leaflet["MIN_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


class AreaWidget(forms.Textarea):
    template_name = "workshops/widgets/area_widget.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 5, "data-area-input": "", **(attrs or {})})

    class Media:
        css = {
            "all": [
                "leaflet/leaflet.css",
                "leaflet/draw/leaflet.draw.css",
                "workshops/css/area-widget.css",
            ]
        }
        js = [
            "leaflet/leaflet.js",
            "leaflet/draw/leaflet.draw.js",
            forms.Script("workshops/js/area-widget.js", type="module"),
        ]

    def format_value(self, value):
        if value in (None, "", {}):
            return ""
        return value if isinstance(value, str) else json.dumps(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["map_config"] = map_config()
        context["config_id"] = f"{context['widget']['attrs'].get('id', name)}-map-config"
        return context


class AreaField(forms.JSONField):
    """GeoJSON in, a validated Polygon or MultiPolygon (or None) out."""

    widget = AreaWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        return clean_area(super().clean(value))
