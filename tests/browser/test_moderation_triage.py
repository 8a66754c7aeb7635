"""The triage in real Chromium: a moderator opens a "possible" item at the head of the queue,
finds it blurred under a content warning, reveals it, sees the words that raised it highlighted,
escalates it and teaches the scan with an example of their own; after retraining (`train_scan`
reads the staff examples) a similar text the scan missed before is flagged. axe-core clean on
every screen."""

import io

import pytest
from playwright.sync_api import expect

from django.core.management import call_command

from moderation.models import ModerationItem, RiskLevel, StaffExample
from moderation.scanner import NONE, scan, store
from staff.roles import MODERATORS
from staff.sync import sync_roles
from tests.auth import browser_sign_in, make_staff
from tests.browser.conftest import assert_accessible
from tests.moderation.factories import ScannedPinFactory
from tests.participation.factories import ensure_reference_data

pytestmark = pytest.mark.django_db(transaction=True)

# Worded so the phrase lists miss it; the classifier (set here directly) finds it possible.
WORDS = "staying round marcus flat this week, its calmer than mine"
RAISED = "calmer than mine"
TAUGHT = "sleeping in the den by the allotments all this week, not going home"
# Like the example the moderator writes, in fewer words: 0.08 before it is taught (none), 0.31
# after retraining (possible, "missing"), with the shipped corpus and thresholds. (The corpus
# learnt "crashing at my mates all week" on its own in session 6, so the example changed.)
SIMILAR = "sleeping in the den by the allotments this week"


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    ensure_reference_data()
    sync_roles()


def possible_item():
    ScannedPinFactory(comment="")  # an older, ordinary item: the possible one still comes first
    pin = ScannedPinFactory(comment=WORDS)
    start = WORDS.index(RAISED)
    ModerationItem.objects.filter(pk=pin.moderation_id).update(
        risk_level=RiskLevel.POSSIBLE,
        risk_score=0.64,
        highlights=[{"start": start, "end": start + len(RAISED), "category": "missing"}],
    )
    return pin.moderation_id


@pytest.fixture
def own_model_dir(settings, tmp_path):
    """Retraining in this test writes its own model, never the one under var/ others read."""
    store.clear_cache()
    before = store.get_model()
    settings.SCAN_MODEL_DIR = tmp_path / "scan_model"
    yield before
    store.clear_cache()


def test_a_moderator_reveals_judges_escalates_and_teaches_the_scan(browsing, own_model_dir):
    model, _ = own_model_dir
    assert scan(SIMILAR).level == NONE  # the scan as shipped misses it
    item_id = possible_item()
    page = browsing().page
    browser_sign_in(page, make_staff(MODERATORS), next_url="/admin/moderation/queue/")

    first_row = page.locator("tbody tr").first
    expect(first_row).to_have_attribute("data-item-id", str(item_id))
    expect(first_row).to_contain_text("Possible risk: read it first (64%)")
    assert_accessible(page)
    first_row.get_by_role("link").first.click()

    expect(page.get_by_role("heading", name="Review a contribution")).to_be_visible()
    expect(page.locator("[data-content-warning]")).to_contain_text(
        "Content warning: Missing from home."
    )
    blurred = page.locator("[data-blurred]").first
    assert "blur" in blurred.evaluate("element => getComputedStyle(element).filter")
    expect(page.locator("[data-highlighted]")).to_have_count(0)
    expect(page.get_by_role("button", name="Read: no sign of harm")).to_be_disabled()
    assert_accessible(page, ".moderation-review")

    page.get_by_role("button", name="Show what they sent").click()
    expect(page.locator("[data-blurred]")).to_have_count(0)
    mark = page.locator("[data-highlighted] mark")
    expect(mark).to_contain_text(RAISED)
    expect(page.locator("[data-possible-risk]")).to_contain_text("Possible risk (score 64%)")
    expect(page.locator("[data-wellbeing]")).to_contain_text(
        "You have read 1 distressing item today."
    )
    assert_accessible(page, ".moderation-review")

    page.get_by_label("Why you are escalating it").fill("sounds like he is not living at home")
    page.get_by_role("button", name="Escalate").click()
    expect(page.get_by_role("heading", name="Teach the scan")).to_be_visible()
    expect(page.get_by_label("An example in your own words")).to_have_value("")
    expect(page.locator("main")).not_to_contain_text("marcus")
    # Scoped: Wagtail's "Escalated" message is still fading in (a transient contrast).
    assert_accessible(page, ".moderation-teach")
    page.get_by_label("An example in your own words").fill(TAUGHT)
    page.locator("[data-teach-form]").get_by_role("checkbox", name="Missing from home").check()
    page.get_by_role("button", name="Teach the scan").click()
    expect(page.get_by_text("Thank you: the scan will learn from it.")).to_be_visible()

    item = ModerationItem.objects.get(pk=item_id)
    assert item.flagged and item.status == "escalated"
    example = StaffExample.objects.get()
    assert example.categories == ["missing"] and "marcus" not in example.text

    # Retraining reads the staff example (not the young person's words): now it is flagged.
    call_command("train_scan", stdout=io.StringIO())
    retrained, meta = store.get_model()
    assert meta["staff_examples"] == 1 and retrained is not model
    flagged = scan(SIMILAR)
    assert flagged.level != NONE and "missing" in flagged.assessment.categories
