"""HEAD is answered wherever GET is (RFC 9110 9.3.2): the same status and headers, no body. A
view that names its methods must name HEAD too; before this, /services/<slug>/ and the place
report form answered 405."""

import pytest

from tests.website.test_page_queries import PUBLIC_PAGES, _path

OTHER_PAGES = [
    "/have-your-say/",
    "/have-your-say/ideas/new/",
    "/have-your-say/you-said-we-did/",
    "/have-your-say/suggest-a-place/",
    "/services/my-list/",
    "/services/?q=youth",
    "/tell-us-about-a-place/",
    "/workshop/",
    "/moderation-statistics/",
    "/search/?q=safe",
    "/api/v1/community-map.geojson",
    "/api/oruk/services",
    "/api/oruk/services?text=youth",
]


def _oruk_service_path() -> str:
    from services_directory.queries import published

    return f"/api/oruk/services/{published().first().pk}"


@pytest.mark.parametrize("name", [*PUBLIC_PAGES, *OTHER_PAGES, "oruk service"])
def test_head_is_answered_wherever_get_is(demo_content, db, client, name):
    path = _oruk_service_path() if name == "oruk service" else _path(name)
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == 200, path
    assert head.status_code == 200, (path, head.status_code)
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""
