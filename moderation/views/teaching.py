"""Teach the scan: after escalating an item the scan did not flag, a moderator may add a phrase
or an example in their own words. The page never shows the item: it is with the leads now."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from moderation import teaching
from moderation.errors import ModerationError
from moderation.forms import TeachForm
from moderation.models import AuditAction, AuditEntry, ModerationItem
from moderation.permissions import MODERATE, can_see
from staff.admin import PermissionRequiredMixin


def _may_teach_from(user, pk) -> bool:
    """Whoever escalated the item, or anyone who may still see it."""
    item = ModerationItem.objects.filter(pk=pk).first()
    if item is None:
        return False
    escalated = AuditEntry.objects.for_item(pk).filter(action=AuditAction.ESCALATED, actor=user)
    return can_see(user, item) or escalated.exists()


class TeachView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = MODERATE
    template_name = "moderation/admin/teach.html"
    page_title = "Teach the scan"
    header_icon = "edit"

    def check(self, request, pk):
        if not _may_teach_from(request.user, pk):
            raise PermissionDenied

    def get(self, request, pk):
        self.check(request, pk)
        return self.render_to_response(self.get_context_data())

    def get_breadcrumbs_items(self):
        queue = {"url": reverse("moderation_queue:index"), "label": "Moderation queue"}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", TeachForm())
        context["next_url"] = reverse("moderation_queue:next")
        return context

    def post(self, request, pk):
        self.check(request, pk)
        form = TeachForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["phrase"].strip():
                    teaching.add_phrase(
                        request.user, category=data["phrase_category"], phrase=data["phrase"]
                    )
                if data["example"].strip():
                    teaching.add_example(
                        request.user,
                        text=data["example"],
                        categories=data["example_categories"],
                        item_id=pk,
                    )
            except ModerationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Thank you: the scan will learn from it.")
                return HttpResponseRedirect(reverse("moderation_queue:next"))
        context = self.get_context_data(form=form)
        return self.render_to_response(context, status=400)
