""" "Tell us about a place" while another process holds SQLite's write lock past the busy timeout:
503 with Retry-After, the page with the report as typed, nothing saved; the same Send once the
lock is free goes through."""

import pytest

from concerns.models import ConcernReport
from tests.sqlite_lock import skip_unless_sqlite, write_lock_held_elsewhere

from .test_report_form import URL, answers

pytestmark = pytest.mark.django_db(transaction=True)


def test_tell_us_about_a_place(client):
    skip_unless_sqlite()
    from wagtail.models import Site

    from website.models import SafetySettings
    from website.site_tree import ensure_site_tree

    ensure_site_tree()
    SafetySettings.for_site(Site.objects.get(is_default_site=True))
    report = answers()
    with write_lock_held_elsewhere():
        response = client.post(URL, report)
    assert response.status_code == 503, response.content[:300]
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert "We are very busy" in html
    assert "boys of about 14 getting in and out.</textarea>" in html
    assert not ConcernReport.objects.exists()
    assert client.post(URL, report).status_code == 201
    assert ConcernReport.objects.count() == 1
