"""Security in real Chromium: a moderator's first sign-in sets up the authenticator app and
reaches the queue, later sign-ins take password and code, three wrong codes shut the door; the
public pages work under the strict Content Security Policy with no violation and no axe-core
finding, and only our own origin may ask for the device's location."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from django.core.management import call_command

from security.mfa import unlock
from staff.roles import MODERATORS
from staff.sync import sync_roles
from tests.auth import PASSWORD, authenticator, browser_sign_in, make_staff, totp_code
from tests.browser.conftest import assert_accessible, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _staff_groups(transactional_db):
    # Transactional tests flush the groups the migrations made; restore them rather than use
    # serialized rollback, which collides with the content types a flush recreates.
    sync_roles()


QUEUE = "/admin/moderation/queue/"
RECORD_CSP_VIOLATIONS = """
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
        window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
"""


def sign_in_with_password(page, user, next_url=QUEUE):
    page.goto(f"/admin/login/?next={next_url}")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def code_from_secret(secret: str) -> str:
    """What an authenticator app shows for the key typed in from the setup page."""
    import base64

    key = base64.b32decode(secret.replace(" ", ""))
    totp = TOTP(key)
    return f"{totp.token():06d}"


def test_a_moderator_sets_up_the_app_then_signs_in_with_password_and_code(browsing):
    moderator = make_staff(MODERATORS)
    page = browsing().page
    # First sign-in: the password opens nothing but the authenticator set-up.
    sign_in_with_password(page, moderator)
    page.wait_for_url("**/admin/mfa/setup/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step sign-in")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert_accessible(page, "main")
    secret = page.locator("[data-mfa-secret]").inner_text()
    page.get_by_label("Code from the app").fill(code_from_secret(secret))
    page.get_by_role("button", name="Confirm and continue").click()
    page.wait_for_url("**/admin/mfa/recovery-codes/**")
    codes = page.locator("[data-recovery-codes] li")
    expect(codes).to_have_count(10)
    page.get_by_role("link", name="Continue").click()
    page.wait_for_url(f"**{QUEUE}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Moderation queue")

    # Signed out, the next sign-in takes the password and a code.
    page.context.clear_cookies()
    sign_in_with_password(page, moderator)
    page.wait_for_url("**/admin/mfa/verify/**")
    assert_accessible(page, "main")
    page.goto(QUEUE)  # nothing opens before the code
    page.wait_for_url("**/admin/mfa/verify/**")
    page.get_by_label("Code", exact=True).fill(totp_code(TOTPDevice.objects.get(user=moderator)))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**{QUEUE}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Moderation queue")


def test_three_wrong_codes_and_the_moderator_is_refused(browsing):
    moderator = make_staff(MODERATORS)
    device = authenticator(moderator)
    page = browsing().page
    sign_in_with_password(page, moderator)
    page.wait_for_url("**/admin/mfa/verify/**")
    for _ in range(2):
        page.get_by_label("Code", exact=True).fill("000000")
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_text("That code did not work")).to_be_visible()
    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/login/**")
    expect(page.get_by_text("Too many wrong codes")).to_be_visible()
    page.goto(QUEUE)
    page.wait_for_url("**/admin/login/**")
    # The right password does not even reach the code for a while...
    sign_in_with_password(page, moderator)
    page.wait_for_url("**/admin/login/")
    expect(page.get_by_text("Too many wrong codes")).to_be_visible()
    # ...and once the pause is over, password and code open the queue again.
    unlock(moderator)
    sign_in_with_password(page, moderator)
    page.wait_for_url("**/admin/mfa/verify/**")
    page.get_by_label("Code", exact=True).fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**{QUEUE}")


PUBLIC_PAGES = [
    "/",
    "/efh/",
    "/services/",
    "/have-your-say/",
    "/have-your-say/pin/",
    "/have-your-say/ideas/",
    "/have-your-say/ideas/new/",
    "/have-your-say/you-said-we-did/",
    "/have-your-say/receipt/",
    "/community-map/",
    "/search/?q=help",
]


def test_public_pages_run_under_the_strict_policy_with_no_violation(browsing):
    from services_directory.models import Service

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    session = browsing()
    session.context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = session.page
    console = []
    page.on("console", lambda message: console.append(message.text))
    service = Service.objects.filter(slug__isnull=False).first()
    paths = [*PUBLIC_PAGES, *([f"/services/{service.slug}/"] if service else [])]
    checked, blocked, inaccessible = [], {}, {}
    for path in paths:
        response = page.goto(path)
        if response.status != 200:
            continue
        page.wait_for_load_state("networkidle")
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        if violations := page.evaluate("() => window.__cspViolations"):
            blocked[path] = violations
        if findings := axe_violations(page):
            inaccessible[path] = findings
        checked.append(path)
    assert {"/", "/have-your-say/pin/", "/community-map/"} <= set(checked), checked
    assert blocked == {}
    assert not [line for line in console if "Content Security Policy" in line], console
    assert inaccessible == {}


def test_only_our_own_pages_may_ask_for_the_location(page):
    page.goto("/have-your-say/pin/")
    allowed = page.evaluate(
        """() => ({
            geolocation: document.featurePolicy.allowsFeature("geolocation"),
            camera: document.featurePolicy.allowsFeature("camera"),
            framed: document.featurePolicy.allowsFeature("geolocation", "https://evil.example"),
        })"""
    )
    assert allowed == {"geolocation": True, "camera": False, "framed": False}


def test_the_admin_and_the_userbar_work_under_their_policies(browsing):
    from wagtail.models import Page

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    session = browsing()
    session.context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = session.page
    browser_sign_in(page, make_staff(superuser=True))
    editable = Page.objects.live().filter(depth__gt=2).first()
    blocked = {}
    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{editable.pk}/edit/",
        QUEUE,
        "/admin/users/",
        "/",  # the public site with Wagtail's userbar for a signed-in editor
        editable.url,
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        if violations := page.evaluate("() => window.__cspViolations"):
            blocked[path] = violations
    assert blocked == {}
