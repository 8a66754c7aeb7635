"""Moderation in real Chromium: a moderator redacts a phone number and approves, and the public
page shows the redaction; a lead gets a live alert for a disclosure and records a referral."""

import pytest
from playwright.sync_api import expect

from moderation.models import ModerationItem, SafeguardingAlert
from participation.models import Proposal
from staff.roles import MODERATORS, SAFEGUARDING_LEADS
from staff.sync import sync_roles
from tests.auth import browser_sign_in, make_staff
from tests.browser.conftest import assert_accessible
from tests.moderation.factories import ScannedPinFactory
from tests.participation.factories import ensure_reference_data

pytestmark = pytest.mark.django_db(transaction=True)

SPELLED = "oh seven seven double oh nine hundred four five six"
WHY = f"Somewhere to go after school. Text Marcus on 07700 900123 or {SPELLED} for details."


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    # The live server's tests are transactional: the tables are flushed between them, so the
    # staff groups the migrations made are put back here.
    ensure_reference_data()
    sync_roles()


def share_idea(page, title, why):
    page.goto("/have-your-say/ideas/new/")
    page.get_by_label("Your idea in a few words").fill(title)
    page.get_by_label("Youth club", exact=True).check()
    page.get_by_label("Where?").select_option("south")
    page.get_by_label("After school").check()
    page.get_by_label("Why would it help?").fill(why)
    page.get_by_role("button", name="Send my idea").click()
    # Generous: the scan runs before the answer, on a machine shared with other suites.
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "your idea has been sent", timeout=20_000
    )


def select_text(page, container: str, words: str) -> None:
    """Selects `words` inside `container` as a mouse drag would."""
    page.evaluate(
        """([selector, words]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const at = walker.currentNode.textContent.indexOf(words);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(walker.currentNode, at);
                    range.setEnd(walker.currentNode, at + words.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return;
                }
            }
            throw new Error("text not found: " + words);
        }""",
        [container, words],
    )


def test_a_moderator_redacts_a_phone_number_and_approves(browsing):
    moderator = browsing().page
    browser_sign_in(moderator, make_staff(MODERATORS), next_url="/admin/moderation/queue/")
    expect(moderator.locator("html[data-moderation-connected]")).to_have_count(1)

    young_person = browsing().page
    share_idea(young_person, "Youth club in Bedminster", WHY)
    item = Proposal.objects.get().moderation
    assert not item.flagged and item.pii_found
    # The queue page says so at once, over the websocket.
    expect(moderator.locator("[data-live-status]")).to_have_text(
        "A new proposal is waiting: reload the page to see it."
    )
    moderator.reload()
    assert_accessible(moderator, "#listing-results")
    moderator.locator("body").press("n")  # the shortcut for the next item
    expect(moderator.get_by_role("heading", name="Review a contribution")).to_be_visible()
    original = moderator.locator("[data-original]")
    public = moderator.locator("[data-public-text]")
    # The scan found the number and the name, and redacts both by default.
    number = original.get_by_role("button", name="07700 900123")
    expect(number).to_have_attribute("aria-pressed", "true")
    expect(public).to_contain_text("Text [name removed] on [phone number removed]")
    # One click shows it again, another redacts it.
    number.click()
    expect(public).to_contain_text("on 07700 900123 or")
    original.get_by_role("button", name="07700 900123").click()
    expect(public).to_contain_text("on [phone number removed] or")
    # The scan cannot read a number spelled out: the moderator selects it and redacts it.
    expect(public).to_contain_text(SPELLED)
    select_text(moderator, "[data-original]", SPELLED)
    moderator.get_by_role("button", name="Redact the selected words").click()
    expect(public).to_contain_text("or [removed] for details")
    assert_accessible(moderator, ".moderation-review")
    moderator.locator("body").press("a")  # the keyboard shortcut for Approve
    expect(moderator.get_by_text("Approved: it is public now.")).to_be_visible()

    item.refresh_from_db()
    assert item.status == "approved"
    young_person.goto("/have-your-say/ideas/")
    idea = young_person.locator(".idea", has_text="Youth club in Bedminster")
    expect(idea).to_contain_text(
        "Text [name removed] on [phone number removed] or [removed] for details."
    )
    for hidden in ("07700", "900123", "Marcus", "double oh"):
        expect(idea).not_to_contain_text(hidden)
    assert_accessible(young_person)


def test_a_lead_gets_a_live_alert_and_records_a_referral(browsing):
    lead_user = make_staff(SAFEGUARDING_LEADS)
    lead = browsing().page
    browser_sign_in(lead, lead_user)
    expect(lead.locator("html[data-moderation-connected]")).to_have_count(1)

    young_person = browsing().page
    share_idea(
        young_person, "Something to do", "they make me carry stuff for them and i cant say no"
    )
    # Immediate help is on the confirmation, and nothing says the words were flagged.
    expect(young_person.locator("#get-help")).to_contain_text("0800 1111")
    expect(young_person.locator("body")).not_to_contain_text("flag")

    alert = lead.get_by_role("alert").filter(has_text="Safeguarding alert at ")
    expect(alert).to_contain_text("Criminal exploitation and county lines")
    assert "carry stuff" not in alert.inner_text()
    # One folded summary of the waiting alerts, each with its time and a link.
    alerts = lead.locator("[data-live-alerts]")
    expect(alerts.locator("summary")).to_contain_text("1 safeguarding alert waiting for a lead")
    alerts.locator("summary").click()
    alerts.get_by_role("link", name="Open it").click()
    expect(lead.get_by_role("heading", name="Possible disclosure")).to_be_visible()
    text = lead.locator("[data-original]")
    expect(text).to_be_hidden()  # blurred until the lead asks
    blurred = lead.locator("[data-blurred]").first
    assert "blur" in blurred.evaluate("element => getComputedStyle(element).filter")
    lead.get_by_role("button", name="Show what they sent").click()
    expect(text).to_be_visible()
    assert_accessible(lead, ".moderation-review")
    lead.get_by_label("Referred", exact=True).check()
    lead.get_by_label("Pathway").select_option("nrm")
    lead.get_by_label("Referred to (service, team or person, and any reference)").fill(
        "Bristol NRM first responder, ref 4471"
    )
    lead.get_by_role("button", name="Record the decision").click()
    expect(lead.get_by_text("Recorded: referred.")).to_be_visible()

    item = ModerationItem.objects.get(pk=Proposal.objects.get().moderation_id)
    assert item.status == "rejected" and item.rejection_reason == "safeguarding" and item.flagged
    decision = item.decisions.get()
    assert (decision.pathway, decision.referred_to, decision.decided_by) == (
        "nrm",
        "Bristol NRM first responder, ref 4471",
        lead_user,
    )
    assert SafeguardingAlert.objects.get(item=item).acknowledged_by == lead_user


def test_the_public_statistics_page_passes_axe(page):
    moderator = make_staff(MODERATORS)
    from moderation import services

    for pin in ScannedPinFactory.create_batch(6):
        services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    page.goto("/moderation-statistics/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How we moderate: monthly figures")
    expect(page.locator("body")).to_contain_text("Approved and published")
    assert_accessible(page)
