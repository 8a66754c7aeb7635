"""The staff dashboard lists the EFH pages whose review date has passed."""

from datetime import timedelta

import pytest

from django.utils import timezone

from efh.pages import pages_due_for_review
from staff.roles import EDITORS, MODERATORS
from tests.auth import make_staff, sign_in
from tests.efh.factories import GuidancePageFactory, ReferralPathwayPageFactory


@pytest.fixture
def pages(efh_index):
    today = timezone.localdate()
    return {
        "overdue": GuidancePageFactory(
            parent=efh_index,
            title="Services that can help now",
            last_reviewed=today - timedelta(days=400),
            next_review_due=today - timedelta(days=35),
        ),
        "overdue_pathway": ReferralPathwayPageFactory(
            parent=efh_index,
            title="How to refer",
            last_reviewed=today - timedelta(days=200),
            next_review_due=today - timedelta(days=1),
        ),
        "current": GuidancePageFactory(parent=efh_index, title="Reviewed this month"),
        "due_today": GuidancePageFactory(
            parent=efh_index,
            title="Due today",
            last_reviewed=today - timedelta(days=365),
            next_review_due=today,
        ),
    }


def test_pages_due_for_review_are_the_live_ones_past_their_date(pages, efh_index):
    today = timezone.localdate()
    GuidancePageFactory(
        parent=efh_index,
        title="Overdue draft",
        publish=False,
        last_reviewed=today - timedelta(days=400),
        next_review_due=today - timedelta(days=30),
    )
    due = pages_due_for_review()
    assert [page.title for page in due] == ["Services that can help now", "How to refer"]


def test_the_dashboard_panel_lists_an_overdue_page_for_an_editor(client, pages):
    html = sign_in(client, make_staff(EDITORS)).get("/admin/").content.decode()
    panel = html[html.index("Pages past their review date") :]
    assert f'href="/admin/pages/{pages["overdue"].pk}/edit/"' in panel
    assert "Services that can help now" in panel
    assert "Guidance page" in panel and "Referral pathway" in panel
    assert "Reviewed this month" not in panel
    assert "Due today" not in panel


def test_staff_without_page_permissions_get_no_panel(client, pages):
    html = sign_in(client, make_staff(MODERATORS)).get("/admin/").content.decode()
    assert "Pages past their review date" not in html


def test_no_panel_when_nothing_is_overdue(client, efh_index):
    GuidancePageFactory(parent=efh_index)
    html = sign_in(client, make_staff(EDITORS)).get("/admin/").content.decode()
    assert "Pages past their review date" not in html
