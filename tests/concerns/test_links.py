"""The link to "Tell us about a place": from "Get help now" (on every public page), the EFH section
and every referral pathway."""

import pytest

from django.test import Client
from django.urls import reverse

from tests.efh.factories import EFHIndexPageFactory, ReferralPathwayPageFactory

pytestmark = pytest.mark.django_db

LINK = f'<a href="{reverse("concerns:report")}">Tell us about a place</a>'


def test_linked_from_get_help_now_the_efh_section_and_a_referral_pathway(home_page):
    index = EFHIndexPageFactory(parent=home_page)
    pathway = ReferralPathwayPageFactory(parent=index)
    client = Client()
    home = client.get("/").content.decode()
    assert LINK in home.split('id="get-help"', 1)[1]
    for page in (index, pathway):
        html = client.get(page.url).content.decode()
        main = html.split('id="get-help"', 1)[0]
        assert LINK in main, page.url
