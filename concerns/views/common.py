"""What the coordinators' admin views share: the permission check (Wagtail's own, on the
report model's permissions) answered with a real 403 page, so the permission matrix is plain to
see and to test."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import ConcernReport
from ..permissions import can_coordinate

REPORTS_POLICY = ModelPermissionPolicy(ConcernReport)


def forbidden(request):
    return TemplateResponse(
        request,
        "concerns/admin/forbidden.html",
        {"page_title": "You cannot open this", "header_title": "You cannot open this"},
        status=403,
    )


def _or_403(request, respond):
    # The response rendered here, so a PermissionDenied raised while rendering is caught too.
    try:
        response = respond()
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    except PermissionDenied:
        return forbidden(request)
    return response


class Forbidden403Mixin:
    def dispatch(self, request, *args, **kwargs):
        return _or_403(
            request, lambda: super(Forbidden403Mixin, self).dispatch(request, *args, **kwargs)
        )


class CoordinatorView(
    Forbidden403Mixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """An admin page for Contextual safeguarding coordinators only."""

    permission_policy = REPORTS_POLICY
    permission_required = "change"


def coordinators_only(view):
    """For the POST actions: the same check, the same 403 page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_coordinate(request.user):
            return forbidden(request)
        return _or_403(request, lambda: view(request, *args, **kwargs))

    return wrapped


def render_again(view_class, request, **context):
    """A coordinator's page shown again after a refused POST, with the form and its errors (400).
    `context` holds the page's object under the name the view keeps it by, and the forms."""
    view = view_class(request=request, kwargs={})
    for name in view_class.kept:
        setattr(view, name, context.pop(name))
    response = view.render_to_response(view.get_context_data(**context))
    response.status_code = 400
    return response
