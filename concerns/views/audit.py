"""The places-of-concern audit, for coordinators: who opened, changed, printed or exported what,
and when (never a report's words: the audit holds none)."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import ConcernAudit
from .common import Forbidden403Mixin


class AuditIndexView(Forbidden403Mixin, generic.IndexView):
    model = ConcernAudit
    permission_policy = ModelPermissionPolicy(ConcernAudit)
    any_permission_required = None
    permission_required = "view"
    page_title = "Places of concern audit"
    header_icon = "history"
    paginate_by = 50
    default_ordering = "-at"
    index_url_name = "concerns_audit:index"
    index_results_url_name = "concerns_audit:index_results"

    @property
    def columns(self):
        return [
            Column("at", label="When", accessor=lambda e: f"{e.at:%d %b %Y %H:%M}"),
            Column("who", label="Who", accessor=lambda e: e.actor_name or "automatic"),
            Column("action", label="What", accessor="get_action_display"),
            Column("report_id", label="Report"),
            Column("assessment_id", label="Assessment"),
            Column("detail", label="Detail"),
        ]
