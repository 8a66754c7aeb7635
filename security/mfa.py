"""The staff second factor (django-otp): an authenticator app (TOTP) plus single-use recovery
codes, and the lock after repeated wrong codes.

Every staff account needs a confirmed authenticator before any admin view opens (see
middleware.py). A wrong code counts against the account, not the session, so signing in again
does not buy more guesses: after `SECURITY_MFA_MAX_FAILURES` wrong codes the person is signed
out and the account's second step stays shut for `SECURITY_MFA_LOCKOUT_SECONDS`."""

import re

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import logout
from django.core.cache import cache
from django.db import transaction

from .audit import audit

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
_TOTP_CODE = re.compile(r"^\d{6}$")


class SecondFactorLocked(Exception):
    pass


def max_failures() -> int:
    return settings.SECURITY_MFA_MAX_FAILURES


def _failures_key(user) -> str:
    return f"security:mfa-failures:{user.pk}"


def _lock_key(user) -> str:
    return f"security:mfa-locked:{user.pk}"


def is_locked(user) -> bool:
    return bool(cache.get(_lock_key(user)))


def confirmed_authenticator(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def has_second_factor(user) -> bool:
    return confirmed_authenticator(user) is not None


def pending_authenticator(user) -> TOTPDevice:
    """The unconfirmed authenticator being set up (the same key across page loads, so a QR code
    scanned a moment ago still matches)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def new_recovery_codes(user) -> list[str]:
    """Replaces the account's recovery codes; the codes are returned once, to be shown once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def confirm_enrolment(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms a new authenticator with its first code; returns the new recovery codes, or None
    when the code is wrong."""
    if not device.verify_token(normalise(code)):
        audit("mfa.enrol_failed", user=request.user)
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    codes = new_recovery_codes(request.user)
    otp_login(request, device)
    audit("mfa.enrolled", user=request.user)
    return codes


def _matching_device(user, code: str):
    if _TOTP_CODE.match(code):
        for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
            if device.verify_token(code):
                return device, "authenticator"
        return None, None
    for device in StaticDevice.objects.devices_for_user(user, confirmed=True):
        if device.verify_token(code):
            return device, "recovery code"
    return None, None


def verify(request, code: str) -> bool:
    """Checks a code from the authenticator app or a recovery code (used up by this). Raises
    SecondFactorLocked, after signing the person out, once too many wrong codes were tried."""
    user = request.user
    if is_locked(user):
        audit("mfa.refused_locked", user=user)
        logout(request)
        raise SecondFactorLocked
    device, method = _matching_device(user, normalise(code))
    if device is not None:
        cache.delete(_failures_key(user))
        otp_login(request, device)
        audit("mfa.verified", user=user, method=method)
        if method == "recovery code":
            audit("mfa.recovery_code_used", user=user, left=device.token_set.count())
        return True
    lockout = settings.SECURITY_MFA_LOCKOUT_SECONDS
    cache.add(_failures_key(user), 0, timeout=lockout)
    try:
        failures = cache.incr(_failures_key(user))
    except ValueError:  # expired between add and incr
        failures = 1
        cache.set(_failures_key(user), failures, timeout=lockout)
    audit("mfa.failed", user=user, failures=failures)
    if failures >= max_failures():
        cache.set(_lock_key(user), 1, timeout=lockout)
        cache.delete(_failures_key(user))
        audit("mfa.locked", user=user, seconds=lockout)
        logout(request)
        raise SecondFactorLocked
    return False


def unlock(user) -> None:
    """Ends a lock after wrong codes before its time (an administrator's decision)."""
    cache.delete_many([_failures_key(user), _lock_key(user)])


@transaction.atomic
def reset_second_factor(user, *, by=None) -> None:
    """Removes every device of the account (a lost phone and lost codes): the next sign-in sets
    up a new authenticator. Signs the account out everywhere first."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    unlock(user)
    audit("mfa.reset", user=user, by=by)
