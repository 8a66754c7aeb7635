"""Staff accounts and sign-in for tests. Every test that needs a signed-in member of staff goes
through here, so hardening the sign-in (a second factor, lockouts) changes one module, not every
test."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery-staple-42"  # noqa: S105
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


def sign_in(client, user):
    """Signs a Django test client in as `user`, fully (as if every sign-in step was passed)."""
    client.force_login(user)
    return client


def websocket_headers(client, origin: str = "http://testserver") -> list[tuple[bytes, bytes]]:
    """Headers for a channels WebsocketCommunicator that carry `client`'s session and an origin."""
    cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in client.cookies.items())
    return [(b"origin", origin.encode()), (b"cookie", cookie.encode())]


def browser_sign_in(page, user, password: str = PASSWORD, next_url: str = "/admin/"):
    """Signs a Playwright page in through the real Wagtail sign-in form."""
    page.goto(f"/admin/login/?next={next_url}")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_url}**")
    return page
