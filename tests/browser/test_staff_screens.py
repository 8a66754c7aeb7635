"""Staff screens we own, in real Chromium with axe-core (WCAG 2.2 AA): the review page for a pin
with a comment, a pin with a photo and a lead's review of a possible disclosure; the dashboard;
the workshop live screen and the paper-map entry form. No screen asks any third-party host for
anything but the map tiles."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from django.urls import reverse

from moderation.models import SafeguardingAlert
from staff.roles import MODERATORS, SAFEGUARDING_LEADS, WORKSHOP_FACILITATORS
from staff.sync import sync_roles
from tests.auth import browser_sign_in, make_staff
from tests.browser.conftest import assert_accessible
from tests.moderation.factories import ScannedPinFactory
from tests.participation.factories import ensure_reference_data
from tests.workshops.workshop_factories import WorkshopFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    ensure_reference_data()
    sync_roles()


@pytest.fixture
def photo_file(settings):
    settings.PRIVATE_MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 160)).save(buffer, format="JPEG")
    (settings.PRIVATE_MEDIA_ROOT / "street.jpg").write_bytes(buffer.getvalue())
    return "street.jpg"


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")  # styles applied and the map drawn before axe measures


def test_the_review_page_passes_axe_for_a_comment_a_photo_and_a_disclosure(browsing, photo_file):
    with_comment = ScannedPinFactory(comment="text me on 07700 900123, the park is dark at night")
    with_photo = ScannedPinFactory(comment="", photo=photo_file)
    disclosure = ScannedPinFactory(comment="they make me carry stuff for them and i cant say no")

    moderator = browsing()
    page = moderator.page
    browser_sign_in(page, make_staff(MODERATORS), next_url="/admin/moderation/queue/")
    visit(page, reverse("moderation_queue:review", args=[with_comment.moderation_id]))
    expect(page.locator("[data-original]")).to_contain_text("the park is dark")
    assert_accessible(page)
    visit(page, reverse("moderation_queue:review", args=[with_photo.moderation_id]))
    page.get_by_role("button", name="Show the photo").click()
    expect(page.get_by_role("img", name="The photo sent with this contribution")).to_be_visible()
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert moderator.third_party_requests() == []

    lead = browsing()
    page = lead.page
    browser_sign_in(page, make_staff(SAFEGUARDING_LEADS))
    visit(page, reverse("moderation_safeguarding:review", args=[disclosure.moderation_id]))
    expect(page.get_by_role("heading", name="Possible disclosure")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Show what they sent").click()
    expect(page.locator("[data-original]")).to_contain_text("carry stuff")
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert lead.third_party_requests() == []


def test_the_dashboard_passes_axe_with_the_moderation_panel(browsing):
    ScannedPinFactory(comment="they make me carry stuff for them and i cant say no")
    ScannedPinFactory()
    lead = browsing()
    browser_sign_in(lead.page, make_staff(SAFEGUARDING_LEADS))
    visit(lead.page, "/admin/")
    panel = lead.page.locator(".moderation-dashboard")
    expect(panel).to_contain_text("1 alert not yet acknowledged")
    assert_accessible(lead.page)
    assert lead.third_party_requests() == []


def test_the_workshop_live_screen_and_paper_entry_pass_axe(browsing):
    workshop = WorkshopFactory()
    facilitator = browsing()
    page = facilitator.page
    browser_sign_in(page, make_staff(WORKSHOP_FACILITATORS), next_url="/admin/workshops/")
    visit(page, reverse("workshops:live", args=[workshop.pk]))
    expect(page.locator(".workshop-live__map .leaflet-control-attribution")).to_be_visible()
    assert_accessible(page)
    visit(page, reverse("workshops:paper", args=[workshop.pk]))
    expect(page.get_by_label("What the group wrote (optional)")).to_be_visible()
    expect(page.locator(".paper-form__map .leaflet-control-attribution")).to_be_visible()
    assert_accessible(page)
    assert facilitator.third_party_requests() == []


FOCUSED_AND_VISIBLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return el.matches(":focus-visible")
        && (style.outlineStyle !== "none" || style.boxShadow !== "none");
}"""


def tab_to(page, locator, limit: int) -> int:
    """Presses Tab until `locator` has the focus, and says how many presses it took; each stop
    on the way shows where the focus is."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            assert page.evaluate(FOCUSED_AND_VISIBLE), f"focus not visible on {locator}"
            return presses
    raise AssertionError(f"{locator} not reached in {limit} Tabs")


def skip_to_main(page) -> None:
    """Wagtail's own first stop on every admin page."""
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")


def test_a_moderator_approves_and_rejects_by_keyboard_alone(browsing):
    first = ScannedPinFactory(comment="the lights by the underpass are broken")
    second = ScannedPinFactory(comment="buy cheap followers at my site")
    moderator = browsing()
    page = moderator.page
    browser_sign_in(page, make_staff(MODERATORS), next_url="/admin/moderation/queue/")

    skip_to_main(page)
    row = page.locator(f'tr[data-item-id="{first.moderation_id}"]')
    tab_to(page, row.get_by_role("link").first, limit=30)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Review a contribution")).to_be_visible()
    assert_accessible(page)

    skip_to_main(page)
    to_jump = tab_to(page, page.get_by_role("link", name="Go to the decision"), limit=20)
    page.keyboard.press("Enter")
    approve = page.get_by_role("button", name="Read: no sign of harm, approve and publish")
    to_approve = tab_to(page, approve, limit=20)
    # Past Wagtail's header, the decision is a few Tabs away, whatever the words and the map hold.
    assert to_jump + to_approve <= 8, (to_jump, to_approve)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Approved: it is public now.")).to_be_visible()

    # After a decision the next item opens: the second one, rejected as spam.
    expect(page.locator("[data-original]")).to_contain_text("cheap followers")
    skip_to_main(page)
    tab_to(page, page.get_by_role("link", name="Go to the decision"), limit=10)
    page.keyboard.press("Enter")
    reason = page.locator('[data-reject-form] select[name="reason"]')
    tab_to(page, reason, limit=10)
    while reason.input_value() != "spam":
        page.keyboard.press("ArrowDown")
    tab_to(page, page.get_by_role("button", name="Reject"), limit=6)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Rejected: it will not be published.")).to_be_visible()

    first.moderation.refresh_from_db()
    second.moderation.refresh_from_db()
    assert (first.moderation.status, second.moderation.status) == ("approved", "rejected")
    assert moderator.third_party_requests() == []


def test_a_lead_acknowledges_an_alert_from_one_summary(browsing):
    lead_user = make_staff(SAFEGUARDING_LEADS)
    lead = browsing()
    page = lead.page
    browser_sign_in(page, lead_user)
    expect(page.locator("html[data-moderation-connected]")).to_have_count(1)
    first = ScannedPinFactory(comment="they make me carry stuff for them and i cant say no")
    second = ScannedPinFactory(comment="i want to kill myself")

    alerts = page.locator("[data-live-alerts]")
    expect(alerts.locator("summary")).to_contain_text("2 safeguarding alerts waiting for a lead")
    expect(page.locator("[data-live-announce]")).to_contain_text("Safeguarding alert at ")
    # Folded, it covers nothing; one of them is one sentence read out, not a box each.
    expect(alerts.locator("li").first).to_be_hidden()
    expect(page.get_by_role("alert")).to_have_count(1)
    alerts.locator("summary").focus()
    page.keyboard.press("Enter")
    rows = alerts.locator("li")
    expect(rows).to_have_count(2)
    for row in rows.all():
        expect(row.locator("time")).to_have_text(re.compile(r"^\d\d:\d\d$"))
    assert_accessible(page)
    older = alerts.locator(f'li:has(a[href$="{first.moderation_id}/"])')
    older.get_by_role("button", name="Acknowledge").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-live-status]")).to_have_text(
        "Alert acknowledged: no more reminders for it."
    )
    expect(alerts.locator("summary")).to_contain_text("1 safeguarding alert waiting for a lead")
    acknowledged = SafeguardingAlert.objects.get(item_id=first.moderation_id)
    assert acknowledged.acknowledged_by == lead_user
    assert SafeguardingAlert.objects.get(item_id=second.moderation_id).acknowledged_at is None
    assert lead.third_party_requests() == []
