"""Staff websockets that close when the staff session behind them ends.

A consumer for staff mixes in `StaffSocketMixin`; in `connect()` it returns early unless
`await self.staff_socket_open()` (which refuses the handshake itself), then accepts; in
`disconnect()` it awaits `self.staff_socket_close()`. The socket then
joins two channel-layer groups, one per user and one per session, and closes:

- at once, when that session signs out (`close_session_sockets`) or the account is deactivated,
  loses its second factor or changes password (`close_user_sockets`): the security app sends
  these from Django's auth signals;
- within `STAFF_SOCKET_RECHECK_SECONDS` (30 s by default), when a periodic re-check finds the
  session gone, expired, idle for longer than `STAFF_SESSION_IDLE_SECONDS`, no longer verified
  by a second factor, or its user inactive (whatever way that happened).

Before any of this, the handshake's Origin must be one of the site's own origins: scheme, host
and port equal to those the socket itself was opened on (its Host header, and ws/wss as
http/https), or listed in `CSRF_TRUSTED_ORIGINS`. Channels' AllowedHostsOriginValidator (asgi.py)
compares the host name only, so another port on the same machine, or plain http against an https
site, passed it.

It lives in the security app (a ground app) so that every feature app's staff consumers can
use it."""

import asyncio
import contextlib
import hashlib
import time
from urllib.parse import urlsplit

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.http.request import validate_host
from django.utils.crypto import constant_time_compare
from django.utils.module_loading import import_string

# The session key holding the time (epoch seconds) of the staff member's last request.
LAST_SEEN_SESSION_KEY = "security_last_seen"
# The session key django-otp stores the verifying device under.
OTP_DEVICE_SESSION_KEY = "otp_device_id"
CLOSE_CODE = 4401
# The handshake came from a page of another origin.
FOREIGN_ORIGIN_CLOSE_CODE = 4403
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SOCKET_SCHEMES = {"ws": "http", "wss": "https", "http": "http", "https": "https"}
FORCE_DISCONNECT = "staff.force_disconnect"


def idle_limit() -> int:
    return settings.STAFF_SESSION_IDLE_SECONDS


def recheck_interval() -> float:
    return float(settings.STAFF_SOCKET_RECHECK_SECONDS)


def user_group(user_id) -> str:
    return f"staff-user-{user_id}"


def session_group(session_key: str) -> str:
    # The session key is a credential: only a digest of it goes to the channel layer (Redis).
    digest = hashlib.sha256(f"staff-socket:{session_key}".encode()).hexdigest()[:40]
    return f"staff-session-{digest}"


def _send(group: str) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    # RuntimeError: called from a thread that runs an event loop (async code sending a sync
    # signal); the periodic re-check closes the socket then, within STAFF_SOCKET_RECHECK_SECONDS.
    with contextlib.suppress(RuntimeError):
        async_to_sync(layer.group_send)(group, {"type": FORCE_DISCONNECT})


def close_user_sockets(user_id) -> None:
    _send(user_group(user_id))


def close_session_sockets(session_key: str | None) -> None:
    if session_key:
        _send(session_group(session_key))


def _origin_parts(origin: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin such as "https://example.org:8443", None if malformed."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/"):
        return None
    return scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[scheme]


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def own_origin(scope) -> tuple[str, str, int] | None:
    """The origin a page of this site opening this socket would send: the socket's scheme as
    http/https (behind a proxy, uvicorn's --proxy-headers sets it from X-Forwarded-Proto) and
    its Host header, which must be one of ALLOWED_HOSTS."""
    host = _header(scope, b"host")
    scheme = _SOCKET_SCHEMES.get(scope.get("scheme", "ws"))
    if not host or scheme is None:
        return None
    parts = _origin_parts(f"{scheme}://{host}")
    if parts is None or not validate_host(parts[1], settings.ALLOWED_HOSTS):
        return None
    return parts


def origin_is_own(scope) -> bool:
    origin = _header(scope, b"origin")
    parts = _origin_parts(origin) if origin else None
    if parts is None:
        return False
    trusted = {_origin_parts(entry) for entry in settings.CSRF_TRUSTED_ORIGINS}
    return parts == own_origin(scope) or parts in trusted


def session_is_idle(session_data: dict, now: float | None = None) -> bool:
    last_seen = session_data.get(LAST_SEEN_SESSION_KEY)
    if last_seen is None:
        return False
    return (now or time.time()) - float(last_seen) > idle_limit()


def _device_is_confirmed_for(persistent_id: str | None, user_id) -> bool:
    if not persistent_id:
        return False
    from django_otp.models import Device

    device = Device.from_persistent_id(persistent_id)
    return device is not None and device.user_id == user_id and device.confirmed


def staff_session_is_valid(session_key: str | None, user_id) -> bool:
    """Whether the session still signs `user_id` in, fully (second factor included), and is
    neither expired nor idle. The same rules the HTTP side applies."""
    if not session_key or user_id is None:
        return False
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")(session_key)
    data = store.load()  # {} when the session is gone or expired
    if str(data.get(SESSION_KEY)) != str(user_id) or BACKEND_SESSION_KEY not in data:
        return False
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    if not constant_time_compare(data.get(HASH_SESSION_KEY, ""), user.get_session_auth_hash()):
        return False
    if session_is_idle(data):
        return False
    return _device_is_confirmed_for(data.get(OTP_DEVICE_SESSION_KEY), user.pk)


class StaffSocketMixin:
    """For AsyncWebsocketConsumer / AsyncJsonWebsocketConsumer subclasses used by staff."""

    _staff_groups: tuple[str, ...] = ()
    _staff_recheck: asyncio.Task | None = None

    def _staff_identity(self):
        session = self.scope.get("session")
        user = self.scope.get("user")
        session_key = getattr(session, "session_key", None)
        user_id = getattr(user, "pk", None) if getattr(user, "is_authenticated", False) else None
        return session_key, user_id

    async def staff_session_is_valid(self) -> bool:
        session_key, user_id = self._staff_identity()
        return await database_sync_to_async(staff_session_is_valid)(session_key, user_id)

    async def staff_socket_open(self) -> bool:
        """Joins the groups and starts the re-check; False (and the socket closed) when the
        session is not a fully signed-in staff session or the page is not one of ours."""
        if not origin_is_own(self.scope):
            await self.close(code=FOREIGN_ORIGIN_CLOSE_CODE)
            return False
        if not await self.staff_session_is_valid():
            await self.close(code=CLOSE_CODE)
            return False
        session_key, user_id = self._staff_identity()
        self._staff_groups = (user_group(user_id), session_group(session_key))
        for group in self._staff_groups:
            await self.channel_layer.group_add(group, self.channel_name)
        self._staff_recheck = asyncio.ensure_future(self._staff_recheck_loop())
        return True

    async def staff_socket_close(self) -> None:
        task, self._staff_recheck = self._staff_recheck, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
        for group in self._staff_groups:
            await self.channel_layer.group_discard(group, self.channel_name)
        self._staff_groups = ()

    async def _staff_recheck_loop(self) -> None:
        while True:
            await asyncio.sleep(recheck_interval())
            if not await self.staff_session_is_valid():
                await self.staff_force_disconnect({"type": FORCE_DISCONNECT})
                return

    async def staff_force_disconnect(self, event) -> None:
        """The channel-layer message sent by close_user_sockets / close_session_sockets."""
        await self.staff_socket_close()
        await self.close(code=CLOSE_CODE)
