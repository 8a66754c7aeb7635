"""Places of concern in real Chromium: a parent reports a place without JavaScript (from "Get help
now", the form, its confirmation); a coordinator, already on the queue, receives it live, opens it,
opens an assessment from it, adds two actions to the safety plan, prints it, finds the place in the
problem profile, completes an action and proposes it for "You said, we did"; a second
coordinator approves it and it appears there. axe-core clean on every page visited."""

import pytest
from playwright.sync_api import expect

from concerns.models import ActionPublication, ConcernReport, LocationAssessment
from staff.roles import CONTEXT_COORDINATORS
from staff.sync import sync_roles
from tests.auth import browser_sign_in, make_staff
from tests.browser.conftest import assert_accessible
from tests.browser.test_participation import NoScriptChecker
from tests.participation.factories import ensure_reference_data

pytestmark = pytest.mark.django_db(transaction=True)

QUEUE = "/admin/places-of-concern/reports/"


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    ensure_reference_data()
    sync_roles()


def settled(page):
    """The page once Wagtail's message has faded in (axe measures contrast mid-fade otherwise)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll(".messages, .messages *")].every(
            element => getComputedStyle(element).opacity === "1")"""
    )
    page.wait_for_timeout(300)
    return page


def parent_reports_a_place(browsing):
    page = browsing(java_script_enabled=False).page
    checker = NoScriptChecker(browsing)
    page.goto("/")
    checker.check(page)
    page.locator("#get-help").get_by_role("link", name="Tell us about a place").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us about a place")
    expect(page.locator("[data-urgent]")).to_contain_text("0117 903 6444")
    checker.check(page)

    page.get_by_role("button", name="Send the report").click()  # nothing filled in yet
    expect(page.locator(".error-summary")).to_contain_text("Say whether you are a professional")
    checker.check(page)

    page.get_by_label("A parent or carer").check()
    page.get_by_label("Choose a named place").select_option(label="Broadmead")
    page.get_by_label("Takeaway or fast-food outlet").check()
    page.get_by_label("Criminal exploitation and county lines").check()
    page.get_by_label("When does it happen?").fill("Most evenings after 8pm")
    page.get_by_label("What have you seen or heard?").fill(
        "Older lads give younger ones bags to carry, one called Jade Smith, call 07700 900123"
    )
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your report has been sent"
    )
    expect(page.locator("[data-urgent]")).to_contain_text("999")
    expect(page.locator("[data-urgent]")).to_contain_text("First Response")
    expect(page.locator("[data-redacted]")).to_be_visible()
    checker.check(page)


def test_a_parent_reports_a_place_and_a_coordinator_opens_an_assessment(browsing):
    coordinator = browsing().page
    browser_sign_in(coordinator, make_staff(CONTEXT_COORDINATORS), next_url=QUEUE)
    expect(coordinator.locator("[data-concerns-live][data-connected]")).to_have_count(1)
    assert_accessible(coordinator)

    parent_reports_a_place(browsing)

    report = ConcernReport.objects.get()
    assert "Jade Smith" not in report.what_seen and "07700" not in report.what_seen
    live = coordinator.locator("[data-concerns-new] li")
    expect(live).to_contain_text("Takeaway or fast-food outlet, from a parent or carer")
    assert_accessible(coordinator)
    live.get_by_role("link").click()

    expect(coordinator.locator("[data-report-text]")).to_contain_text("[name removed]")
    assert_accessible(coordinator)
    coordinator.get_by_label("Title").fill("Takeaway in Broadmead")
    coordinator.get_by_role("button", name="Open an assessment").click()
    expect(
        coordinator.get_by_role("heading", name="Location assessment: Takeaway in Broadmead")
    ).to_be_visible()
    assessment = LocationAssessment.objects.get()
    assert assessment.reports.get() == report
    assert_accessible(settled(coordinator))

    for description, agency, due, rag in (
        ("Licensing visit with the police", "Bristol City Council licensing", "2030-02-01", "red"),
        ("Detached youth work on Friday evenings", "Youth service", "2030-03-01", "amber"),
    ):
        coordinator.get_by_label("Description").fill(description)
        coordinator.get_by_label("Owner agency").fill(agency)
        coordinator.get_by_label("Due date").fill(due)
        coordinator.get_by_label("RAG status").select_option(rag)
        coordinator.get_by_role("button", name="Add the action").click()
        expect(
            coordinator.locator("[data-plan-action]").filter(has_text=description)
        ).to_be_visible()
    expect(coordinator.locator("[data-plan-action]")).to_have_count(2)
    assert_accessible(settled(coordinator))

    coordinator.get_by_role("link", name="Print the plan (A4)").click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        "Location assessment: Takeaway in Broadmead"
    )
    coordinator.emulate_media(media="print")
    expect(coordinator.locator("[data-plan-action]")).to_have_count(2)
    expect(coordinator.get_by_role("link", name="Back to the assessment")).to_be_hidden()
    coordinator.emulate_media(media="screen")
    assert_accessible(coordinator)

    coordinator.goto("/admin/places-of-concern/profile/")
    expect(coordinator.locator("[data-profile-table] tbody tr")).to_contain_text("Broadmead")
    expect(coordinator.locator("#profile-map .leaflet-interactive")).to_have_count(1)
    assert_accessible(coordinator)

    # Back to young people: the second action is done; its words proposed, then approved.
    coordinator.goto(f"/admin/places-of-concern/assessments/{assessment.pk}/")
    coordinator.get_by_label("Which action").select_option(
        label="Detached youth work on Friday evenings"
    )
    coordinator.get_by_label("Change its status to").select_option("done")
    coordinator.get_by_role("button", name="Update the action").click()
    expect(coordinator.locator("[data-plan-action]").filter(has_text="Detached")).to_contain_text(
        "Completed"
    )
    coordinator.get_by_label("Completed action").select_option(
        label="Detached youth work on Friday evenings"
    )
    # By the field's id: its label ("You said" and Wagtail's required mark) is checked by axe.
    coordinator.locator("#id_publish-you_said").fill(
        "Young people told us the shops in Broadmead felt unsafe in the evenings."
    )
    coordinator.locator("#id_publish-we_did").fill(
        "Youth workers are now in Broadmead every Friday evening."
    )
    coordinator.get_by_role("button", name="Propose for “You said, we did”").click()
    expect(coordinator.locator('[data-publication="proposed"]')).to_contain_text(
        "Waiting for a second coordinator"
    )
    expect(coordinator.get_by_role("button", name="Approve and publish")).to_have_count(0)
    assert_accessible(settled(coordinator))

    second = browsing().page
    browser_sign_in(
        second,
        make_staff(CONTEXT_COORDINATORS),
        next_url=f"/admin/places-of-concern/assessments/{assessment.pk}/",
    )
    assert_accessible(second)
    second.get_by_role("button", name="Approve and publish").click()
    expect(second.locator('[data-publication="published"]')).to_be_visible()
    assert_accessible(settled(second))
    assert ActionPublication.objects.get().outcome_id

    public = browsing().page
    public.goto("/have-your-say/you-said-we-did/")
    expect(
        public.get_by_text("Youth workers are now in Broadmead every Friday evening.")
    ).to_be_visible()
    assert_accessible(public)
