import re

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from staff.roles import ALL_GROUPS, MODERATORS


@pytest.fixture
def home_html(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_home_page_serves_the_three_routes(home_html):
    assert 'href="/have-your-say/"' in home_html
    assert 'href="/services/?for=parents"' in home_html
    assert 'href="/efh/"' in home_html


def test_home_page_has_one_h1_skip_link_and_landmarks(home_html):
    assert len(re.findall(r"<h1[\s>]", home_html)) == 1
    assert 'href="#main-content"' in home_html
    assert 'id="main-content"' in home_html
    for landmark in ("<header", "<main", "<footer", "<nav"):
        assert landmark in home_html


def test_every_page_offers_exit_and_help(home_html, client):
    search_html = client.get("/search/?q=help").content.decode()
    for html in (home_html, search_html):
        assert "data-exit-button" in html
        assert 'data-exit-url="https://www.bbc.co.uk/weather"' in html
        assert 'id="get-help"' in html
        assert "0800 1111" in html
        assert 'href="tel:999"' in html


def test_staff_set_exit_site_and_local_contacts(client, home_page):
    from wagtail.models import Site

    from website.models import SafetySettings

    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.exit_url = "https://www.metoffice.gov.uk/"
    safety.local_contacts = [("contact", {"name": "Youth line", "phone": "0117 000 0000"})]
    safety.save()
    html = client.get("/").content.decode()
    assert 'data-exit-url="https://www.metoffice.gov.uk/"' in html
    assert "Youth line" in html
    assert 'href="tel:01170000000"' in html


def test_no_third_party_scripts_or_fonts(home_html):
    for src in re.findall(r'(?:src|href)="([^"]+)"', home_html):
        if src.endswith((".js", ".css", ".woff", ".woff2")):
            assert src.startswith("/static/"), src


def test_admin_sign_in_is_served(client, home_page):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b"Sign in" in response.content


def test_unknown_page_is_a_friendly_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"data-exit-button" in response.content


@pytest.mark.django_db
def test_staff_groups_exist_and_may_open_the_admin():
    access_admin = Permission.objects.get(codename="access_admin")
    for name in ALL_GROUPS:
        group = Group.objects.get(name=name)
        assert access_admin in group.permissions.all(), name


@pytest.mark.django_db
def test_contribution_moderators_cannot_touch_pages_images_or_documents():
    moderators = Group.objects.get(name=MODERATORS)
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not moderators.permissions.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"]
    ).exists()
