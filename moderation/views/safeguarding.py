"""Safeguarding leads: the alerts (acknowledge stops the reminders) and the audit."""

import django_filters

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic

from moderation import notify, safeguarding
from moderation.models import AuditAction, AuditEntry, ModerationItem, SafeguardingAlert
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


# Steps nobody decided: shown only when asked for (or picked by name), so decisions come first.
AUTOMATIC = (AuditAction.SUBMITTED, AuditAction.SCANNED, AuditAction.LOCATION_PURGED)
SHOW_ALL = "all"


class AuditFilterSet(WagtailFilterSet):
    show = django_filters.ChoiceFilter(
        label="Show",
        choices=[(SHOW_ALL, "Everything, with the automatic steps (received, scanned, retention)")],
        empty_label="Decisions and actions by people",
        method="keep",
    )
    action = django_filters.ChoiceFilter(choices=AuditAction.choices, empty_label="All")
    at = django_filters.DateFromToRangeFilter(label="When", widget=DateRangePickerWidget)
    item_id = django_filters.UUIDFilter(label="Item (id)")

    class Meta:
        model = AuditEntry
        fields = ["kind"]

    def keep(self, queryset, name, value):
        # Applied by AuditIndexView.get_base_queryset, which also knows the action filter.
        return queryset


def _item_label(entry) -> str:
    return f"{entry.kind} {str(entry.item_id)[:8]}"


def _item_url(entry) -> str | None:
    # Entries outlive their items: a deleted one has nothing to open.
    if not entry.item_exists:
        return None
    return reverse("moderation_queue:review", args=[entry.item_id])


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
        entries = AuditEntry.objects.annotate(
            item_exists=Exists(ModerationItem.objects.filter(pk=OuterRef("item_id")))
        )
        if self.request.GET.get("show") == SHOW_ALL or self.request.GET.get("action"):
            return entries
        return entries.exclude(action__in=AUTOMATIC)

    @property
    def columns(self):
        return [
            DateColumn("at", label="When", sort_key="at"),
            Column("action", accessor="get_action_display", label="What"),
            TitleColumn("item", label="Item", accessor=_item_label, get_url=_item_url),
            Column("who", label="Who"),
            Column("reason", label="Reason or pathway"),
            Column("note", label="Why"),
            Column("referred_to", label="Referred to"),
            Column("before_text", label="Text before"),
            Column("after_text", label="Text after"),
        ]
