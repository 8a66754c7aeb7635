"""The area of a mapping exercise as staff draw it: GeoJSON checked and rounded with shapely."""

import json

import pytest

from django.core.exceptions import ValidationError

from places.areas import clean_area

from .shapes import square_around


def test_a_drawn_polygon_is_kept_as_rounded_geojson():
    feature = {"type": "Feature", "properties": {}, "geometry": square_around(51.46, -2.56)}
    feature["geometry"]["coordinates"][0][0] = [-2.5640000001, 51.4560000004]
    feature["geometry"]["coordinates"][0][-1] = [-2.5640000001, 51.4560000004]
    area = clean_area(json.dumps(feature))
    assert area["type"] == "Polygon"
    assert area["coordinates"][0][0] == [-2.564, 51.456]
    assert clean_area("") is None and clean_area(None) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{not json", "not valid GeoJSON"),
        ({"type": "Point", "coordinates": [-2.58, 51.45]}, "must be a polygon"),
        (
            # A bow tie: its outline crosses itself.
            {
                "type": "Polygon",
                "coordinates": [
                    [[-2.58, 51.45], [-2.56, 51.47], [-2.56, 51.45], [-2.58, 51.47], [-2.58, 51.45]]
                ],
            },
            "crosses itself",
        ),
        (square_around(51.75, -2.56), "within Bristol"),
        (
            {"type": "Polygon", "coordinates": [[[-2.58, 51.45], [-2.57, 51.45], [-2.58, 51.45]]]},
            "three corners",
        ),
    ],
)
def test_a_bad_area_is_refused_with_a_reason_staff_can_act_on(value, message):
    with pytest.raises(ValidationError) as refused:
        clean_area(value)
    assert message in refused.value.messages[0]
