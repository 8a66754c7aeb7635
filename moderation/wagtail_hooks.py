"""moderation's admin: the viewsets, the live alerts script on every admin page for leads and
moderators, and dashboard panels with what is waiting."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import ModerationItem, SafeguardingAlert
from .permissions import can_moderate, can_safeguard
from .viewsets import ModerationGroup


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ModerationGroup()


@hooks.register("insert_global_admin_js")
def live_alerts_script():
    # The script connects only on pages that carry the live region (the panels and moderation's
    # own pages, rendered for moderators and leads); the server checks again on connect.
    return format_html(
        '<script type="module" src="{}"></script><link rel="stylesheet" href="{}">',
        static("moderation/js/live.js"),
        static("moderation/css/moderation.css"),
    )


class WaitingPanel(Component):
    name = "moderation_waiting"
    order = 50
    template_name = "moderation/admin/dashboard_panel.html"

    def __init__(self, lead: bool):
        self.lead = lead

    def get_context_data(self, parent_context):
        items = ModerationItem.objects.open()
        return {
            "lead": self.lead,
            "waiting": items.general_queue().count(),
            "flagged": items.safeguarding_queue().count() if self.lead else 0,
            "alerts": SafeguardingAlert.objects.unacknowledged().count() if self.lead else 0,
        }


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    if can_moderate(request.user) or can_safeguard(request.user):
        panels.append(WaitingPanel(lead=can_safeguard(request.user)))
