"""/community-map/: the same cells as the API, a table twin, a summary in words, no JS needed."""

import json
import re

import pytest

from tests.mapping.factories import ReasonFactory, bulk_pins
from tests.mapping.helpers import FAR_SPOT, SPOTS, crowd

pytestmark = pytest.mark.django_db

URL = "/community-map/"


@pytest.fixture
def contributions(home_page):
    dark = ReasonFactory(slug="poorly-lit", label="Poorly lit")
    bulk_pins(
        crowd(9, when="after-school", reasons=[dark], comment="SECRET-WORDS near my house")
        + crowd(8, FAR_SPOT, first=100, feeling="safe", when="morning")
        + crowd(8, SPOTS[3], first=200, feeling="unsafe", when="evening", is_demo=True)
    )


def table_cells(html: str) -> list[str]:
    return re.findall(r'<tr data-cell="([0-9a-f]+)">', html)


def test_the_table_twin_lists_the_same_cells_as_the_map_data(client, contributions):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    data = json.loads(
        re.search(r'id="community-map-data" type="application/json">(.*?)</script>', html, re.S)[1]
    )
    api = client.get("/api/v1/community-map.geojson").json()
    map_cells = [f["properties"]["cell"] for f in data["features"]]
    assert (
        sorted(map_cells)
        == sorted(table_cells(html))
        == sorted(f["properties"]["cell"] for f in api["features"])
    )
    assert len(map_cells) == 3
    assert "Poorly lit (10)" in html


def test_the_summary_names_places_in_words(client, contributions):
    html = client.get(URL).content.decode()
    summary = re.search(r"data-summary>(.*?)</div>", html, re.S)[1]
    assert "3 areas had pins from enough different people" in summary
    assert "Most unsafe-feeling areas are around" in summary
    assert "After school, most unsafe-feeling areas are around" in summary
    assert "In the evening, most unsafe-feeling areas are around" in summary


def test_the_legend_says_every_band_in_words(client, contributions):
    from mapping.scale import BANDS

    html = client.get(URL).content.decode()
    for band in BANDS:
        assert band["label"] in html and band["words"] in html and band["pattern_words"] in html


def test_filters_work_without_javascript(client, contributions):
    html = client.get(URL, {"when": "morning"}).content.decode()
    assert len(table_cells(html)) == 1
    assert '<option value="morning" selected>' in html


def test_a_bad_filter_is_explained_not_a_500(client, contributions):
    response = client.get(URL, {"from": "last year"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem with the filters" in html
    assert 'href="#cm-from"' in html


def test_demo_data_is_labelled(client, contributions):
    html = client.get(URL).content.decode()
    assert "Demonstration data." in html
    html = client.get(URL, {"when": "morning"}).content.decode()
    assert "Demonstration data." not in html


def test_no_words_from_contributors_and_no_inline_scripts(client, contributions):
    html = client.get(URL).content.decode()
    assert "SECRET-WORDS" not in html
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attributes or 'type="application/json"' in attributes, attributes
        if "src=" in attributes:
            assert body.strip() == ""
    assert '<script type="module" src="/static/mapping/js/community-map.js">' in html


def test_an_empty_map_says_so(client, home_page):
    html = client.get(URL).content.decode()
    assert "No area has pins from enough different people" in html
    assert "No areas to list for this choice." in html


def test_the_page_title_names_the_map_once(client, home_page):
    html = client.get(URL).content.decode()
    assert "<title>Community map | Safer Places Bristol</title>" in html
