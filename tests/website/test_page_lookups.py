"""What routing and the privacy checks keep between requests (efh/restrictions.py,
website/site_cache.py and HomePage.route): with the look-ups kept, a view-restricted page, and
every listing of it, is hidden from someone not allowed from the moment the restriction is saved,
an alias of a restricted page is restricted too, and an editor's change to the home page or a
page's slug shows on the next request. The page cache stays off here, so each request renders."""

import pytest

from django.core.cache import cache

from wagtail.models import PageViewRestriction

from tests.auth import make_staff, sign_in
from tests.efh.factories import (
    ActionPlanPageFactory,
    GuidancePageFactory,
    ReferralPathwayPageFactory,
)


@pytest.fixture(autouse=True)
def lookups_kept(settings):
    settings.PAGE_LOOKUP_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def restrict(page, restriction_type="login"):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="a long test password"
    )


def hidden(response) -> bool:
    """Wagtail's answers to someone a restriction refuses: the sign-in redirect or the password
    form."""
    return response.status_code == 302 or 'name="password"' in response.content.decode()


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_restriction_hides_the_page_and_its_listings_at_once(efh_index, client, restriction_type):
    guidance = GuidancePageFactory(parent=efh_index, title="Spotting exploitation")
    pathway = ReferralPathwayPageFactory(parent=efh_index, title="Secret pathway")
    # Every look-up is stored while nothing is restricted.
    assert client.get(guidance.url).status_code == 200
    assert "Secret pathway" in client.get("/").content.decode()
    assert "Secret pathway" in client.get("/efh/").content.decode()

    # Not committed: the restriction is seen by the next request in the same transaction.
    restrict(pathway, restriction_type)
    restrict(guidance, restriction_type)

    assert hidden(client.get(guidance.url))
    assert hidden(client.get(pathway.url))
    assert "Secret pathway" not in client.get("/").content.decode()
    assert "Secret pathway" not in client.get("/efh/").content.decode()
    # The section's front page lists its guidance; a restricted page is left out.
    assert "Spotting exploitation" not in client.get("/efh/").content.decode()


def test_a_restricted_section_hides_every_page_below_it(efh_index, client):
    guidance = GuidancePageFactory(parent=efh_index)
    plan = ActionPlanPageFactory(parent=efh_index, title="Our action plan")
    assert client.get(plan.url).status_code == 200
    restrict(efh_index)
    for path in ("/efh/", guidance.url, plan.url):
        assert hidden(client.get(path)), path
    assert "Our action plan" not in client.get("/").content.decode()


def test_the_restriction_still_holds_after_the_commit(efh_index, client, commits):
    guidance = GuidancePageFactory(parent=efh_index)
    assert client.get(guidance.url).status_code == 200
    commits(lambda: restrict(guidance))
    assert hidden(client.get(guidance.url))


def test_a_signed_in_member_of_staff_passes_a_sign_in_restriction(efh_index, client):
    guidance = GuidancePageFactory(parent=efh_index)
    restrict(guidance)
    sign_in(client, make_staff())
    assert client.get(guidance.url).status_code == 200


def test_removing_a_restriction_shows_the_page_again(efh_index, client):
    guidance = GuidancePageFactory(parent=efh_index)
    restriction = restrict(guidance)
    assert hidden(client.get(guidance.url))
    restriction.delete()
    assert client.get(guidance.url).status_code == 200


def test_an_alias_of_a_restricted_page_is_restricted(efh_index, client):
    guidance = GuidancePageFactory(parent=efh_index, title="The source")
    alias = guidance.create_alias(update_slug="the-alias")
    assert client.get(alias.url).status_code == 200
    restrict(guidance)
    # The alias's own path holds no restriction; Wagtail's check finds its source's.
    assert hidden(client.get(alias.url))


def test_an_edit_to_the_home_page_shows_on_the_next_request(home_page, client):
    client.get("/")
    home_page.title = "A new front door"
    home_page.save_revision().publish()
    assert "A new front door" in client.get("/").content.decode()


def test_a_moved_or_renamed_page_is_found_at_its_new_path_only(efh_index, client):
    guidance = GuidancePageFactory(parent=efh_index, title="Old name", slug="old-name")
    assert client.get("/efh/old-name/").status_code == 200
    guidance.slug = "new-name"
    guidance.save_revision().publish()
    assert client.get("/efh/new-name/").status_code == 200
    assert client.get("/efh/old-name/").status_code == 404


def test_an_unpublished_page_and_an_unknown_path_are_404(efh_index, client):
    draft = GuidancePageFactory(parent=efh_index, publish=False, slug="a-draft")
    assert not draft.live
    assert client.get("/efh/a-draft/").status_code == 404
    assert client.get("/efh/no-such-page/").status_code == 404
    assert client.get("/efh/a-draft/below/").status_code == 404


def test_the_breadcrumbs_come_from_the_routing_and_match_the_tree(efh_index, client):
    guidance = GuidancePageFactory(parent=efh_index, title="Deep page")
    body = client.get(guidance.url).content.decode()
    assert '<a href="/">Home</a>' in body
    assert f'<a href="/efh/">{efh_index.title}</a>' in body
