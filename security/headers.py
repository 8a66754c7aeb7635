"""Response headers Django does not set itself: the scoped Content Security Policy and the
Permissions-Policy."""

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.deprecation import MiddlewareMixin

ADMIN_PREFIX = "/admin/"


def is_admin_path(path: str) -> bool:
    return path == ADMIN_PREFIX.rstrip("/") or path.startswith(ADMIN_PREFIX)


class ScopedCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the looser admin policy on /admin/ only and same-origin
    websockets added to connect-src (the host is only known per request)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = dict(settings.SECURITY_ADMIN_CSP_DIRECTIVES)
        # get_host() has been validated against ALLOWED_HOSTS before any view ran; a request
        # that failed that check never gets here with a host to echo.
        try:
            host = request.get_host()
        except DisallowedHost:
            return parts
        scheme = "wss" if request.is_secure() else "ws"
        parts.update = {**(parts.update or {}), "connect-src": [f"{scheme}://{host}"]}
        return parts


def permissions_policy() -> str:
    return ", ".join(
        f"{feature}=({' '.join(allow)})"
        for feature, allow in settings.SECURITY_PERMISSIONS_POLICY.items()
    )


class PermissionsPolicyMiddleware(MiddlewareMixin):
    """Features this site never uses are switched off for every origin; geolocation (placing a
    pin at "where I am") is allowed to our own origin only, never to an embedded frame."""

    def process_response(self, request, response):
        response.headers.setdefault("Permissions-Policy", permissions_policy())
        return response
