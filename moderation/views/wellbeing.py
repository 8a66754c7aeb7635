"""Safeguarding leads: how many distressing items each of their team read today."""

from django.conf import settings

from moderation import wellbeing

from . import LeadsPage


class TeamWellbeingView(LeadsPage):
    template_name = "moderation/admin/team_wellbeing.html"
    page_title = "Moderators' reading today"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["team"] = wellbeing.team_today(self.request.user)
        context["break_after"] = settings.MODERATION_BREAK_AFTER
        return context
