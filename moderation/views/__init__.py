"""moderation's admin and public views. Admin permissions follow staff/admin.py: a refused staff
member gets Wagtail's own answer (back to the dashboard, with its message)."""

from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from moderation.permissions import SAFEGUARD
from staff.admin import PermissionRequiredMixin


class LeadsPage(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page for safeguarding leads only, under the admin's header and breadcrumbs."""

    permission_required = SAFEGUARD

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]
