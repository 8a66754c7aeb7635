"""Staff maps around young people's contributions never ask the tile host for finer tiles than
settings.MAP_CONTRIBUTION_MAX_ZOOM (places/maps.py)."""

from hypothesis import given
from hypothesis import strategies as st

from django.conf import settings

from places.maps import map_config

zooms = st.one_of(st.none(), st.integers(min_value=1, max_value=22))


@given(zoom=zooms, max_zoom=zooms)
def test_a_map_around_contributions_never_zooms_past_the_cap(zoom, max_zoom):
    config = map_config((51.45, -2.59), zoom=zoom, max_zoom=max_zoom, around_contributions=True)
    assert config["zoom"] <= settings.MAP_CONTRIBUTION_MAX_ZOOM
    assert config["maxZoom"] <= settings.MAP_CONTRIBUTION_MAX_ZOOM


def test_other_maps_keep_their_zoom():
    assert map_config(zoom=17)["zoom"] == 17
    assert map_config()["maxZoom"] == settings.LEAFLET_CONFIG["MAX_ZOOM"]


def test_the_cap_is_coarser_than_the_old_review_zoom():
    # The review map used to open at zoom 17 on the pin's own position.
    assert map_config(zoom=17, around_contributions=True)["zoom"] < 17
