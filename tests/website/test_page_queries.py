"""Each public page type's database queries when it is rendered (a cache miss), and none at all
when it is served from the page cache. Loaded once with the demo content, as the security crawl
does, with the production settings' look-ups kept between requests (the Site and its root page,
the view restrictions: website/site_cache.py, efh/restrictions.py).

The issue asks for at most 5 on a miss. What each page still asks for (profiled with
CaptureQueriesContext):
- home (2): the EFH section, then its pathways and action plans together (efh_highlights);
- EFH index (5): the path's pages, the index's specific row, its guidance, their topics, its
  pathways and plans;
- guidance (4): the path's pages, its specific row, the pathways (to find those linking to it),
  the pages their steps link to;
- pathway and action plan (3): the path's pages, the specific row, the linked pages or proposals;
- pin form (5) and ideas (2): participation's own look-ups;
- community map (4, with the releases built by their scheduled job): the first month with a
  published pin (2), the exercises, and the releases' state, read once for the page's six
  collections (mapping.releases.one_reading; it was read once per collection: 9, and 39 when the
  time-of-day releases were built on the visit).
Over the budget, with their counts held:
- directory (9): the count, the page of services, then one query per related table shown in the
  list (terms, public sites with their places, addresses, schedules, phones, contacts, areas). The
  search form's needs, audiences and named places (3 more) are kept between requests
  (services_directory/search_choices.py).
- a service page (9): the service (with whether it has a confidential site and its published
  young people's view, two queries fewer), the same related tables, its costs and languages. The
  list of what can stand out is kept between requests (coproduction/stand_outs.py).
"""

import pytest

from django.core.cache import cache

BUDGET = 5
# Path of one page of each public type, as the demo content builds them, with its query budget.
PUBLIC_PAGES = {
    "/": 2,
    "/efh/": BUDGET,
    "/efh/critical-moments/": 4,
    "/efh/referral-pathway/": 3,
    "/efh/action-plan/": 3,
    "/have-your-say/pin/": BUDGET,
    "/have-your-say/ideas/": 2,
    "/community-map/": BUDGET,
    "/services/": 9,
    "service": 9,
}


@pytest.fixture(autouse=True)
def lookups_kept(settings):
    settings.PAGE_LOOKUP_SECONDS = 300
    yield
    cache.clear()


def _path(name: str) -> str:
    if name != "service":
        return name
    from services_directory.queries import published

    return f"/services/{published().first().slug}/"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_queries_on_a_cache_miss(
    demo_content, db, client, name, django_assert_max_num_queries
):
    from mapping.releases import build_releases

    path = _path(name)
    build_releases()  # as the scheduled job has, so no visitor waits for a month's aggregation
    client.get(path)  # the first visit after start-up fills process-wide look-ups
    with django_assert_max_num_queries(PUBLIC_PAGES[name]):
        response = client.get(path)
    assert response.status_code == 200, path


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_from_the_cache_costs_no_query(
    demo_content, db, client, name, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    path = _path(name)
    assert client.get(path)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get(path)
    assert response.status_code == 200, path
    assert response["X-Page-Cache"] == "hit"


WAGTAIL_PAGES = [name for name in PUBLIC_PAGES if name == "/" or name.startswith("/efh/")]


@pytest.mark.parametrize("name", WAGTAIL_PAGES)
def test_a_restriction_elsewhere_costs_the_pages_no_query(
    demo_content, db, client, name, django_assert_max_num_queries
):
    """A private page off the path changes what is listed (nothing here) but not the cost: the
    restriction index is read once, and Wagtail's own check runs only on a restricted path."""
    from wagtail.models import Page, PageViewRestriction

    from tests.efh.factories import GuidancePageFactory

    index = Page.objects.get(url_path="/home/efh/")
    private = GuidancePageFactory(parent=index, title="Private notes", slug="private-notes")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    client.get(name)
    with django_assert_max_num_queries(PUBLIC_PAGES[name]):
        response = client.get(name)
    assert response.status_code == 200
    assert "Private notes" not in response.content.decode()
    assert client.get("/efh/private-notes/").status_code == 302
