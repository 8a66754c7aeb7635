"""Safeguarding leads: how many distressing items each of their team read today."""

from django.conf import settings
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from moderation import wellbeing
from moderation.permissions import SAFEGUARD
from staff.admin import PermissionRequiredMixin


class TeamWellbeingView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = SAFEGUARD
    template_name = "moderation/admin/team_wellbeing.html"
    page_title = "Moderators' reading today"
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["team"] = wellbeing.team_today(self.request.user)
        context["break_after"] = settings.MODERATION_BREAK_AFTER
        return context
