"""moderation's admin and public views. Staff without a permission get a real 403 page (not
Wagtail's redirect to the dashboard), so the permission matrix is plain to see and to test."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse


def forbidden(request):
    return TemplateResponse(
        request,
        "moderation/admin/forbidden.html",
        {"page_title": "You cannot open this", "header_title": "You cannot open this"},
        status=403,
    )


class Forbidden403Mixin:
    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response
        except PermissionDenied:
            return forbidden(request)


def forbid_as_403(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped
