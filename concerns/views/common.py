"""What the coordinators' admin views share: the one admin permission idiom of staff/admin.py
(a refused member of staff gets Wagtail's own answer, as everywhere in the admin), on the
permissions the roles matrix grants Contextual safeguarding coordinators alone, and how a page is
shown again after a refused POST."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
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


def decide(request, page, form_name: str, form, act, **kept):
    """The steps of every coordinator's POST action: the form checked; if it is refused, `page`
    again with its errors (400); else `act(cleaned_data)`, the use case, which says what it did
    and where to go next (a message and `redirect`'s arguments)."""
    if not form.is_valid():
        return render_again(page, request, **kept, **{form_name: form})
    message, *where = act(form.cleaned_data)
    messages.success(request, message)
    return redirect(*where)


@dataclass(frozen=True)
class Action:
    """A coordinator's POST action on one record of `page` (a view with `record(pk)` and the
    name it keeps the record by in `kept`): `form(request, record)` is the bound form, shown on
    the page as `form_name`; `act(request, record, data)` the use case (see `decide`)."""

    page: type
    form_name: str
    form: Callable
    act: Callable

    def view(self):
        @coordinators_only
        @require_POST
        def respond(request, pk):
            record = self.page.record(pk)
            return decide(
                request,
                self.page,
                self.form_name,
                self.form(request, record),
                lambda data: self.act(request, record, data),
                **{self.page.kept[0]: record},
            )

        return respond
