"""Safeguarding leads: the alerts (acknowledge stops the reminders) and the audit."""

import django_filters

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic

from moderation import notify, safeguarding
from moderation.models import AuditAction, AuditEntry, SafeguardingAlert
from moderation.permissions import SAFEGUARD, VIEW_AUDIT
from staff.admin import PermissionRequiredMixin, permission_required

from . import LeadsPage


class AlertsView(LeadsPage):
    template_name = "moderation/admin/alerts.html"
    page_title = "Safeguarding alerts"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        alerts = SafeguardingAlert.objects.select_related("item", "acknowledged_by")
        context["open_alerts"] = [_described(a) for a in alerts.unacknowledged()]
        context["recent_alerts"] = [
            _described(a) for a in alerts.filter(acknowledged_at__isnull=False)[:30]
        ]
        return context


def _described(alert):
    alert.labels = notify.alert_labels(alert)
    alert.url = notify.alert_url(alert)
    return alert


@permission_required(SAFEGUARD)
@require_POST
def acknowledge(request, pk):
    alert = get_object_or_404(SafeguardingAlert, pk=pk)
    safeguarding.acknowledge(alert.pk, request.user)
    messages.success(request, "Acknowledged: no more reminders for this alert.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = notify.alert_url(alert)
    return HttpResponseRedirect(target)


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(choices=AuditAction.choices, empty_label="All")
    at = django_filters.DateFromToRangeFilter(label="When", widget=DateRangePickerWidget)
    item_id = django_filters.UUIDFilter(label="Item (id)")

    class Meta:
        model = AuditEntry
        fields = ["kind"]


def _item_link(entry) -> str:
    return str(entry.item_id)


class AuditIndexView(PermissionRequiredMixin, generic.IndexView):
    """Every decision, newest first: who, when, what, why, the text before and after."""

    model = AuditEntry
    permission_required = VIEW_AUDIT
    page_title = "Moderation audit"
    header_icon = "history"
    paginate_by = 50
    default_ordering = "-at"
    filterset_class = AuditFilterSet

    def get_base_queryset(self):
        return AuditEntry.objects.all()

    @property
    def columns(self):
        return [
            DateColumn("at", label="When", sort_key="at"),
            Column("action", accessor="get_action_display", label="What"),
            Column("who", label="Who"),
            Column("kind", label="Type"),
            Column("item", label="Item", accessor=_item_link),
            Column("reason", label="Reason or pathway"),
            Column("note", label="Why"),
            Column("referred_to", label="Referred to"),
            Column("before_text", label="Text before"),
            Column("after_text", label="Text after"),
        ]
