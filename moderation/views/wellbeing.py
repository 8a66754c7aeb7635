"""Safeguarding leads: how many distressing items each of their team read today."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from moderation import wellbeing
from moderation.permissions import can_safeguard

from . import Forbidden403Mixin


class TeamWellbeingView(Forbidden403Mixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/admin/team_wellbeing.html"
    page_title = "Moderators' reading today"
    header_icon = "group"

    def get(self, request, *args, **kwargs):
        if not can_safeguard(request.user):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["team"] = wellbeing.team_today(self.request.user)
        context["break_after"] = settings.MODERATION_BREAK_AFTER
        return context
