"""Staff sign-in: a second factor before any admin view, no route around it, lockouts after
wrong passwords and wrong codes, long passwords, idle sessions, and the audit log."""

import re
import time

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from security.mfa import unlock
from security.staff_sockets import LAST_SEEN_SESSION_KEY
from tests.auth import PASSWORD, authenticator, make_staff, sign_in, totp_code
from tests.security.admin_urls import admin_paths

pytestmark = pytest.mark.django_db

OPEN_BEFORE_SECOND_FACTOR = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite/",
    "/admin/mfa/",
)


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # Lockouts live in the cache: each test gets an empty namespace of its own (never clear a
    # shared Redis that other runs use at the same time).
    from tests.mapping.conftest import use_fresh_cache

    use_fresh_cache(settings)


def audit_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "security.audit"]


def password_only(client, user):
    """The state after the password step: signed in, no second factor yet."""
    client.force_login(user)
    return client


def sign_in_with_password(client, user, password=PASSWORD, address="192.0.2.10", **headers):
    return client.post(
        "/admin/login/",
        {"username": user.get_username(), "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def test_a_session_without_second_factor_reaches_no_admin_view(client, home_page):
    user = make_staff(superuser=True)
    authenticator(user)
    password_only(client, user)
    paths = [p for p in admin_paths() if not p.startswith(OPEN_BEFORE_SECOND_FACTOR)]
    assert len(paths) > 150  # every admin route Wagtail and the apps register
    reached = []
    for path in paths:
        for method in (client.get, client.post):
            response = method(path)
            location = response.get("Location", "")
            if not (response.status_code == 302 and location.startswith("/admin/mfa/verify/")):
                reached.append((method.__name__, path, response.status_code, location))
    assert reached == []


def test_without_an_authenticator_every_admin_view_leads_to_setting_one_up(client, home_page):
    password_only(client, make_staff("Moderators"))
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/mfa/setup/?next=%2Fadmin%2Fpages%2F"


def test_outside_the_admin_a_password_only_session_is_anonymous(client, home_page):
    user = make_staff(superuser=True)
    assert b"wagtail-userbar" in sign_in(Client(), user).get("/").content
    password_only(client, user)
    assert b"wagtail-userbar" not in client.get("/").content


def test_there_is_no_other_admin_or_sign_in_to_go_round(client, home_page):
    from django.conf import settings

    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    for path in ("/django-admin/", "/django-admin/login/", "/accounts/login/", "/login/"):
        assert client.get(path).status_code == 404, path


def test_enrolment_shows_a_qr_code_then_recovery_codes_once(client, home_page):
    user = make_staff("Moderators")
    password_only(client, user)
    page = client.get("/admin/mfa/setup/?next=/admin/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "data-mfa-secret" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    # The same key on reload: a QR code scanned a moment ago still matches.
    client.get("/admin/mfa/setup/")
    assert TOTPDevice.objects.get(user=user, confirmed=False).key == device.key

    wrong = client.post("/admin/mfa/setup/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert b"That code did not match" in wrong.content
    confirmed = client.post("/admin/mfa/setup/", {"code": totp_code(device), "next": "/admin/"})
    assert confirmed.status_code == 302
    assert confirmed["Location"].startswith("/admin/mfa/recovery-codes/")

    codes_page = client.get(confirmed["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page)
    assert len(codes) == 10
    again = client.get("/admin/mfa/recovery-codes/").content.decode()
    assert not re.findall(r"<li><code>", again)
    assert client.get("/admin/").status_code == 200


def test_a_second_authenticator_cannot_be_added_with_only_a_password(client, home_page):
    user = make_staff("Moderators")
    authenticator(user)
    password_only(client, user)
    response = client.get("/admin/mfa/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/mfa/verify/")
    client.post("/admin/mfa/setup/", {"code": "123456"})
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_password_then_code_opens_the_admin_and_is_logged(client, home_page, caplog):
    user = make_staff("Moderators")
    device = authenticator(user)
    response = sign_in_with_password(client, user)
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 302
    assert follow["Location"].startswith("/admin/mfa/verify/")
    verified = client.post("/admin/mfa/verify/", {"code": totp_code(device), "next": "/admin/"})
    assert verified.status_code == 302 and verified["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    lines = audit_lines(caplog)
    assert any(line.startswith(f"signin.password_ok user={user.pk}:") for line in lines)
    assert any(line.startswith(f"mfa.verified user={user.pk}:") for line in lines)
    assert not any("192.0.2.10" in line for line in lines)


def test_a_recovery_code_works_once(client, home_page):
    from security.mfa import new_recovery_codes

    user = make_staff("Moderators")
    authenticator(user)
    code = new_recovery_codes(user)[0]
    password_only(client, user)
    assert client.post("/admin/mfa/verify/", {"code": code.upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    other = Client()
    password_only(other, user)
    reused = other.post("/admin/mfa/verify/", {"code": code})
    assert reused.status_code == 200
    assert b"That code did not work" in reused.content


def test_three_wrong_codes_sign_out_and_lock_the_second_step(client, home_page, caplog, settings):
    user = make_staff("Moderators")
    device = authenticator(user)
    password_only(client, user)
    for attempt in (1, 2):
        response = client.post("/admin/mfa/verify/", {"code": "000000"})
        assert response.status_code == 200, attempt
    third = client.post("/admin/mfa/verify/", {"code": "000000"})
    assert third.status_code == 302 and third["Location"] == "/admin/login/"
    assert SESSION_KEY not in client.session
    assert client.get("/admin/").status_code == 302
    # Signing in again does not buy more guesses, even with the right code.
    password_only(client, user)
    refused = client.post("/admin/mfa/verify/", {"code": totp_code(device)})
    assert refused.status_code == 302 and refused["Location"] == "/admin/login/"
    assert SESSION_KEY not in client.session
    lines = audit_lines(caplog)
    assert sum(line.startswith(f"mfa.failed user={user.pk}:") for line in lines) == 3
    assert any(line.startswith(f"mfa.locked user={user.pk}:") for line in lines)
    assert any(line.startswith(f"mfa.refused_locked user={user.pk}:") for line in lines)
    # Once the lock has passed (or an administrator lifts it), the right code works again.
    unlock(user)
    password_only(client, user)
    assert client.post("/admin/mfa/verify/", {"code": totp_code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_passwords_lock_that_username_from_that_address(client, home_page, caplog):
    from django.conf import settings

    user = make_staff("Moderators")
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        assert sign_in_with_password(client, user, "wrong-password-123456").status_code == 200
    locked = sign_in_with_password(client, user, "wrong-password-123456")
    assert locked.status_code == 429
    assert b"Sign-in paused" in locked.content
    # The right password from that address is refused too, for the cool-off time...
    assert sign_in_with_password(client, user).status_code == 429
    # ...and a forged X-Forwarded-For does not make it another address.
    forged = sign_in_with_password(Client(), user, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert forged.status_code == 429
    # The same person from another address is not locked out by someone else's guessing.
    elsewhere = sign_in_with_password(Client(), user, address="192.0.2.99")
    assert elsewhere.status_code == 302
    lines = audit_lines(caplog)
    assert sum(line.startswith(f"signin.failed user={user.pk}:") for line in lines) >= limit
    assert any(line.startswith(f"signin.locked_out user={user.pk}:") for line in lines)
    assert not any("192.0.2.10" in r.getMessage() for r in caplog.records)


def test_failed_sign_in_for_an_unknown_name_logs_only_a_fingerprint(client, home_page, caplog):
    client.post(
        "/admin/login/",
        {"username": "my-secret-password-typed-here", "password": "x" * 16},
        REMOTE_ADDR="192.0.2.10",
    )
    lines = audit_lines(caplog)
    assert any(line.startswith("signin.failed user=- ") for line in lines)
    assert not any("my-secret-password" in r.getMessage() for r in caplog.records)


def test_passwords_must_be_long():
    with pytest.raises(ValidationError):
        validate_password("Tr0ub4dor&3xyz")  # 14 characters
    validate_password("staple battery horse")


def test_an_idle_session_is_signed_out_and_activity_keeps_it(client, home_page, settings, caplog):
    user = make_staff("Moderators")
    sign_in(client, user)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = time.time() - settings.STAFF_SESSION_IDLE_SECONDS + 120
    session.save()
    assert client.get("/admin/").status_code == 200  # still within the limit: moves it on
    assert client.session[LAST_SEEN_SESSION_KEY] > time.time() - 5
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = time.time() - settings.STAFF_SESSION_IDLE_SECONDS - 1
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SESSION_KEY not in client.session
    assert any(
        line.startswith(f"session.idle_expired user={user.pk}:") for line in audit_lines(caplog)
    )


def test_password_reset_does_not_skip_the_second_factor(client, home_page):
    user = make_staff("Moderators")
    user.email = "moderator@example.org"
    user.save()
    authenticator(user)
    client.post("/admin/password_reset/", {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"/admin/password_reset/confirm/\S+/", mail.outbox[0].body)[0]
    form_page = client.get(link, follow=True)
    new_password = "a brand new long passphrase"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    # Resetting signs nobody in...
    assert client.get("/admin/").status_code == 302
    assert SESSION_KEY not in client.session
    # ...and the new password leads to the code, not to the admin.
    sign_in_with_password(client, user, new_password)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/mfa/verify/")


def test_group_and_status_changes_are_logged_with_who_made_them(home_page, caplog):
    from django.contrib.auth.models import Group

    from wagtail.log_actions import LogContext

    admin = make_staff(superuser=True)
    user = make_staff()
    with LogContext(user=admin):
        user.groups.add(Group.objects.get(name="Safeguarding leads"))
        user.is_superuser = True
        user.save()
        user.is_active = False
        user.save()
    lines = audit_lines(caplog)
    by = f"by={admin.pk}:{admin.get_username()}"
    assert any(
        line.startswith(f"groups.add user={user.pk}:") and by in line and "Safeguarding" in line
        for line in lines
    )
    assert any(
        line.startswith(f"account.is_superuser user={user.pk}:") and by in line for line in lines
    )
    assert any(
        line.startswith(f"account.is_active user={user.pk}:") and by in line for line in lines
    )


def test_a_lost_phone_is_handled_by_resetting_the_second_factor(client, home_page, caplog):
    from django.core.management import call_command

    user = make_staff("Moderators")
    sign_in(client, user)
    assert client.get("/admin/").status_code == 200
    call_command("reset_second_factor", user.username, stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/mfa/setup/")
    assert any(line.startswith(f"mfa.reset user={user.pk}:") for line in audit_lines(caplog))


def test_page_and_collection_permission_changes_are_logged(home_page, caplog):
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    group = Group.objects.get(name="Moderators")
    publish = GroupPagePermission.objects.create(
        group=group, page=home_page, permission=Permission.objects.get(codename="publish_page")
    )
    publish.delete()
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    lines = audit_lines(caplog)
    assert any(
        line.startswith("page_permissions.add ") and "publish_page" in line for line in lines
    )
    assert any(line.startswith("page_permissions.remove ") for line in lines)
    assert any(
        line.startswith("collection_permissions.add ") and "add_image" in line for line in lines
    )
