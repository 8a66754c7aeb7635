"""The admin widget for an exercise's area: a map to draw it on, over a textarea holding the same
area as GeoJSON (django-leaflet's LeafletWidget needs GDAL, which this project does without).

The textarea is the field: without JavaScript, or for a precise outline made elsewhere, staff
paste GeoJSON into it; the map (Leaflet and Leaflet.draw from django-leaflet's static files)
writes the drawn area into it."""

import json

from django import forms

from places.areas import clean_area
from places.maps import map_config


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
