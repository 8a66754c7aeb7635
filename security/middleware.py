"""Staff session rules and the JSON API's cross-site check.

`StaffSecondFactorMiddleware` (after django-otp's OTPMiddleware):
- a signed-in session without a verified second factor opens nothing under /admin/ but the
  sign-in, sign-out, password-reset and second-factor screens: everything else redirects to
  setting up the authenticator (first time) or entering a code;
- outside /admin/ such a session counts as anonymous, so no other staff-only view, document or
  API can be reached with a password alone;
- a staff session idle for longer than STAFF_SESSION_IDLE_SECONDS is signed out (rolling: every
  request moves the deadline; the timestamp is written at most once a minute).

`ApiOriginMiddleware`: state-changing requests to /api/ from a browser must come from our own
origin (Origin header, else Sec-Fetch-Site). See the README, "CSRF and the JSON API"."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin

from security.staff_sockets import LAST_SEEN_SESSION_KEY, session_is_idle

from .audit import audit
from .headers import is_admin_path

# Paths under /admin/ an authenticated person without a second factor may open.
_OPEN_BEFORE_SECOND_FACTOR = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite/",  # the icons, fetched by the sign-in screens' own script
    "/admin/mfa/",
)
_TOUCH_EVERY_SECONDS = 60


async def _anonymous():
    return AnonymousUser()


class StaffSecondFactorMiddleware(MiddlewareMixin):
    def process_request(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None  # no session, nobody signed in: public pages stay cookie-free
        user = request.user
        if not user.is_authenticated:
            return None
        path = request.path_info
        now = time.time()
        if session_is_idle(request.session, now):
            audit("session.idle_expired", user=user, request=request)
            logout(request)
            if is_admin_path(path):
                messages.info(request, "You were signed out after a period of inactivity.")
                return HttpResponseRedirect(
                    f"{reverse('wagtailadmin_login')}?{urlencode({'next': path})}"
                )
            return None
        last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
        if last_seen is None or now - float(last_seen) > _TOUCH_EVERY_SECONDS:
            request.session[LAST_SEEN_SESSION_KEY] = now
        if user.is_verified():
            return None
        if is_admin_path(path):
            if path.startswith(_OPEN_BEFORE_SECOND_FACTOR):
                return None
            from .mfa import has_second_factor

            target = "security_mfa_verify" if has_second_factor(user) else "security_mfa_setup"
            next_path = (
                request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
            )
            return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': next_path})}")
        request.user = AnonymousUser()
        request.auser = _anonymous
        return None


_UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _refuse(message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"field": "origin", "message": message}]}, status=403)


class ApiOriginMiddleware(MiddlewareMixin):
    def process_request(self, request):
        if request.method not in _UNSAFE_METHODS:
            return None
        if not request.path_info.startswith(tuple(settings.SECURITY_ORIGIN_CHECKED_PREFIXES)):
            return None
        origin = request.headers.get("Origin")
        if origin is not None:
            own = f"{request.scheme}://{request.get_host()}"
            if origin == own or origin in settings.CSRF_TRUSTED_ORIGINS:
                return None
            return _refuse("Requests from other sites are not accepted.")
        fetch_site = request.headers.get("Sec-Fetch-Site")
        if fetch_site is not None and fetch_site not in {"same-origin", "none"}:
            return _refuse("Requests from other sites are not accepted.")
        # Neither header: not a browser (browsers send Origin on every cross-origin POST), so
        # not a cross-site request forgery.
        return None


class NulCharacterMiddleware(MiddlewareMixin):
    """Refuses a path or query string holding a NUL character with a 400. Nothing this site
    accepts contains one, and PostgreSQL refuses text that does: without this, a `?q=%00` on any
    search, or a NUL in a page path, would be a server error on PostgreSQL."""

    def process_request(self, request):
        query = request.GET.lists()
        if "\x00" not in request.path and not any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in query
        ):
            return None
        message = "The address holds a character that is not allowed (NUL)."
        if request.path_info.startswith("/api/"):
            return JsonResponse({"errors": [{"field": "query", "message": message}]}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
