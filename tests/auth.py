"""Staff accounts and sign-in for tests. Every test that needs a signed-in member of staff goes
through here, so hardening the sign-in (a second factor, lockouts) changes one module, not every
test.

Staff sign in with a password and then a code from an authenticator app (django-otp TOTP; see
security). `sign_in` and `browser_sign_in` pass both steps for real: the account gets a
confirmed authenticator, and the code is computed from its key as the app would."""

import itertools
import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from security.staff_sockets import LAST_SEEN_SESSION_KEY

PASSWORD = "correct-horse-battery-staple-42"
_numbers = itertools.count(1)


def make_staff(*group_names: str, username: str | None = None, superuser: bool = False):
    """A staff user in the given contract groups (e.g. "Moderators", "Safeguarding leads")."""
    User = get_user_model()
    username = username or f"staff{next(_numbers)}"
    if superuser:
        user = User.objects.create_superuser(username=username, email="", password=PASSWORD)
    else:
        user = User.objects.create_user(username=username, password=PASSWORD, is_staff=True)
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


def authenticator(user) -> TOTPDevice:
    """The user's confirmed authenticator app, set up now if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return device


def totp_code(device: TOTPDevice) -> str:
    """The code the authenticator app shows now, never one the device has already accepted (a
    code works once: a second sign-in in the same 30 seconds takes the next step's code, which
    the device accepts a step early, or waits for it)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    step = max(totp.t(), device.last_t + 1)
    while step > totp.t() + device.tolerance:
        time.sleep(0.5)
        totp.time = time.time()
    totp.time = device.t0 + step * device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, user):
    """Signs a Django test client in as `user`, fully: password and second factor, as if every
    sign-in step was passed (a real confirmed authenticator is set up for the account)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session[LAST_SEEN_SESSION_KEY] = time.time()
    session.save()
    return client


# Wagtail's answer to a member of staff without the permission (wagtail.admin.auth).
REFUSED_MESSAGE = "Sorry, you do not have permission to access this area."


def refused(response) -> bool:
    """Whether this is Wagtail's refusal: back to the dashboard, with its message."""
    return (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
        and REFUSED_MESSAGE in [str(m.message).strip() for m in get_messages(response.wsgi_request)]
    )


def websocket_headers(
    client, origin: str = "http://testserver", host: str = "testserver"
) -> list[tuple[bytes, bytes]]:
    """Headers for a channels WebsocketCommunicator that carry `client`'s session, an origin and
    the Host the socket is opened on (a browser sends its page's origin and the socket's host)."""
    cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in client.cookies.items())
    return [(b"origin", origin.encode()), (b"host", host.encode()), (b"cookie", cookie.encode())]


def browser_sign_in(page, user, password: str = PASSWORD, next_url: str = "/admin/"):
    """Signs a Playwright page in through the real sign-in screens: Wagtail's password form,
    then the code from the account's authenticator app (set up now if the account has none)."""
    device = authenticator(user)
    page.goto(f"/admin/login/?next={next_url}")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/mfa/verify/**")
    page.get_by_label("Code", exact=True).fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**{next_url}**")
    return page
