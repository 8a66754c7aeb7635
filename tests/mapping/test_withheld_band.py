"""A cell whose safe or unsafe count is withheld ("fewer than 8") takes the neutral "Mixed" band
on the page, in its table twin and in the GeoJSON: its colour and its place in the table's order
say nothing of which way the few people went."""

import json
import re

import pytest

from mapping.scale import BANDS
from tests.mapping.factories import bulk_pins
from tests.mapping.helpers import FAR_SPOT, SPOTS, crowd

pytestmark = pytest.mark.django_db

MIXED = next(band for band in BANDS if band["key"] == "mixed")
WITHHELD = ((10, None), (None, 10), (None, None))  # (unsafe, safe) as published


@pytest.fixture
def cells(home_page):
    """Four cells: 12 unsafe (safe withheld: none said it), 12 safe (unsafe withheld), 9 unsafe
    and 3 safe (both withheld: each differs from the total by fewer than 8), and 16 unsafe and
    8 safe, where both are shown and the band follows the share."""
    bulk_pins(
        crowd(12, feeling="unsafe")
        + crowd(12, FAR_SPOT, first=20, feeling="safe")
        + crowd(9, SPOTS[3], first=40, feeling="unsafe")
        + crowd(3, SPOTS[3], first=50, feeling="safe")
        + crowd(16, SPOTS[5], first=60, feeling="unsafe")
        + crowd(8, SPOTS[5], first=80, feeling="safe")
    )


def by_counts(features) -> dict[tuple, dict]:
    return {(p["unsafe"], p["safe"]): p for p in (f["properties"] for f in features)}


def test_the_geojson_bands_a_withheld_feeling_mixed(client, cells):
    found = by_counts(client.get("/api/v1/community-map.geojson").json()["features"])
    assert set(found) == {(10, None), (None, 10), (None, None), (15, 10)}
    for withheld in WITHHELD:
        assert found[withheld]["unsafe_share"] is None
        assert found[withheld]["band"] == "mixed"
    assert found[(15, 10)]["band"] == "more-unsafe"


def test_the_page_colours_a_withheld_feeling_with_the_neutral_band(client, cells):
    html = client.get("/community-map/").content.decode()

    def script(name):
        pattern = rf'id="{name}" type="application/json">(.*?)</script>'
        return json.loads(re.search(pattern, html, re.S)[1])

    colours = {band["key"]: band["colour"] for band in script("community-map-bands")}
    found = by_counts(script("community-map-data")["features"])
    for withheld in WITHHELD:
        assert colours[found[withheld]["band"]] == MIXED["colour"] == "#f7f7f7"
    # The legend says the band covers them, rather than claiming 2 to 3 in 5 said unsafe.
    assert "too few gave one of the two feelings to tell" in html


def test_the_table_twin_says_mixed_and_sorts_them_in_the_middle(client, cells):
    html = client.get("/community-map/").content.decode()
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = re.findall(r'<tr data-cell="[0-9a-f]+">(.*?)</tr>', table, re.S)
    assert len(rows) == 4
    bands = [re.search(r'<td data-sort-value="([0-9.]+)">([^<]+)', row).groups() for row in rows]
    # Most unsafe first: the cell with both feelings shown (3 in 5), then the withheld ones in
    # the middle, as "Mixed" (before: sorted as if nobody said unsafe).
    assert bands[0] == ("0.6", "More unsafe than safe ")
    assert bands[1] == bands[2] == bands[3] == ("0.5", "Mixed ")
    for row in rows[1:]:
        assert "fewer than 8" in row and "too few gave one feeling to tell" in row
