"""The security audit log (logger `security.audit`): every staff sign-in, failed sign-in,
lockout, second-factor event, sign-out, and change of groups, permissions or account status.

Lines are `event key=value ...`. They name staff accounts (by id and username) but never hold a
password, a code, a session key or a network address: an address is logged as a keyed
fingerprint, enough to see that attempts come from one place without recording where that is."""

import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from security.ip import client_address
from security.staff_sockets import (
    LAST_SEEN_SESSION_KEY,
    close_session_sockets,
    close_user_sockets,
)

logger = logging.getLogger("security.audit")


def fingerprint(value: str) -> str:
    """A keyed, truncated digest: equal inputs match, the input cannot be read back."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"audit:{value}".encode(), hashlib.sha256).hexdigest()[:12]


def _actor():
    # Wagtail's admin views run inside a log context naming the signed-in user.
    from wagtail.log_actions import get_active_log_context

    return get_active_log_context().user


def _describe(user) -> str:
    if user is None:
        return "-"
    return f"{user.pk}:{user.get_username()}"


def audit(event: str, *, user=None, request=None, **fields) -> None:
    parts = [event, f"user={_describe(user)}"]
    if request is not None:
        parts.append(f"client={fingerprint(client_address(request))}")
    for key, value in fields.items():
        if key == "by":
            value = _describe(value)
        text = str(value)
        parts.append(f"{key}={json.dumps(text) if (' ' in text or not text) else text}")
    logger.info(" ".join(parts))


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_SESSION_KEY] = time.time()
    audit("signin.password_ok", user=user, request=request)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))
    known = get_user_model().objects.filter(username=username).first()
    # An unknown "username" may be a password typed in the wrong box: only its fingerprint.
    if known is not None:
        audit("signin.failed", user=known, request=request)
    else:
        audit("signin.failed", request=request, unknown_username=fingerprint(username))


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    audit("signout", user=user, request=request)
    if request is not None and hasattr(request, "session"):
        close_session_sockets(request.session.session_key)


def _axes_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    known = get_user_model().objects.filter(username=username or "").first()
    audit(
        "signin.locked_out",
        user=known,
        request=request,
        failures=settings.AXES_FAILURE_LIMIT,
        **({} if known else {"unknown_username": fingerprint(username or "")}),
    )


try:
    from axes.signals import user_locked_out
except ImportError:  # axes not installed: nothing to listen to
    pass
else:
    user_locked_out.connect(_axes_locked_out, dispatch_uid="security-axes-locked-out")


_WATCHED_FLAGS = ("is_active", "is_staff", "is_superuser")


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def _remember_flags(sender, instance, update_fields=None, raw=False, **kwargs):
    # raw: rows loaded from a fixture or a serialized test database, not a change anyone made.
    if raw or instance.pk is None or (update_fields and set(update_fields) <= {"last_login"}):
        return
    before = sender.objects.filter(pk=instance.pk).values(*_WATCHED_FLAGS, "password").first()
    instance._security_before = before


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def _flags_changed(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        audit(
            "account.created",
            user=instance,
            by=_actor(),
            **{flag: getattr(instance, flag) for flag in _WATCHED_FLAGS},
        )
        return
    before = getattr(instance, "_security_before", None)
    instance._security_before = None
    if not before:
        return
    for flag in _WATCHED_FLAGS:
        if before[flag] != getattr(instance, flag):
            audit(f"account.{flag}", user=instance, by=_actor(), value=getattr(instance, flag))
    password_changed = before["password"] != instance.password
    if password_changed:
        audit("account.password_changed", user=instance, by=_actor())
    if (before["is_active"] and not instance.is_active) or password_changed:
        close_user_sockets(instance.pk)


def _m2m_audit(kind: str):
    def handler(sender, instance, action, model, pk_set, **kwargs):
        if action not in {"post_add", "post_remove", "post_clear"}:
            return
        names = sorted(str(obj) for obj in model.objects.filter(pk__in=pk_set or []))
        subject = (
            {"user": instance}
            if isinstance(instance, get_user_model())
            else {"group": str(instance)}
        )
        what = ",".join(names) if names else "all"
        audit(f"{kind}.{action.removeprefix('post_')}", by=_actor(), items=what, **subject)

    return handler


_user_groups = _m2m_audit("groups")
_user_permissions = _m2m_audit("permissions")
_group_permissions = _m2m_audit("group_permissions")
m2m_changed.connect(_user_groups, sender=get_user_model().groups.through)
m2m_changed.connect(_user_permissions, sender=get_user_model().user_permissions.through)
m2m_changed.connect(_group_permissions, sender=Group.permissions.through)


def axes_client_str(username, ip_address, user_agent, path_info, request) -> str:
    """How django-axes names a client in its own log lines: no address, only its fingerprint."""
    # The username may be a password typed into the wrong box: fingerprinted as well.
    return f"{{username: {fingerprint(username or '')}, client: {fingerprint(ip_address or '')}}}"


def _object_permission_changed(kind: str, action: str):
    def handler(sender, instance, raw=False, **kwargs):
        if raw:
            return
        audit(
            f"{kind}.{action}",
            by=_actor(),
            group=str(instance.group),
            permission=instance.permission.codename,
            on=str(getattr(instance, "page", None) or getattr(instance, "collection", "")),
        )

    return handler


def _connect_object_permissions():
    # Wagtail's page and collection permissions are rows of their own, not Group.permissions.
    from django.db.models.signals import post_delete

    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    for model, kind in (
        (GroupPagePermission, "page_permissions"),
        (GroupCollectionPermission, "collection_permissions"),
    ):
        post_save.connect(
            _object_permission_changed(kind, "add"), sender=model, weak=False, dispatch_uid=kind
        )
        post_delete.connect(
            _object_permission_changed(kind, "remove"),
            sender=model,
            weak=False,
            dispatch_uid=f"{kind}-delete",
        )


_connect_object_permissions()
