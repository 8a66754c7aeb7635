"""What the coordinators' admin views share: the one admin permission idiom of staff/admin.py
(a refused member of staff gets Wagtail's own answer, as everywhere in the admin), on the
permissions the roles matrix grants Contextual safeguarding coordinators alone, and how a page is
shown again after a refused POST."""

from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from staff.admin import PermissionRequiredMixin, permission_required

from ..permissions import COORDINATE


class CoordinatorView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """An admin page for Contextual safeguarding coordinators only."""

    permission_required = COORDINATE


# For the POST actions: the same permission, the same refusal.
coordinators_only = permission_required(COORDINATE)


def render_again(view_class, request, **context):
    """A coordinator's page shown again after a refused POST, with the form and its errors (400).
    `context` holds the page's object under the name the view keeps it by, and the forms."""
    view = view_class(request=request, kwargs={})
    for name in view_class.kept:
        setattr(view, name, context.pop(name))
    response = view.render_to_response(view.get_context_data(**context))
    response.status_code = 400
    return response
