"""moderation in the Wagtail admin: one "Moderation" menu with the queue, the safeguarding queue
and alerts (leads only), the audit (leads only) and the scan's phrases (leads only)."""

from django.urls import path, reverse

from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from staff.admin import PermissionViewSet

from .models import ScanPhrase
from .permissions import MODERATE, SAFEGUARD, VIEW_AUDIT
from .views import phrases, queue, review, safeguarding, teaching, wellbeing


class CheckedViewSet(PermissionViewSet):
    """A viewset whose menu item shows only to those who may use it."""

    permission = MODERATE


class QueueViewSet(CheckedViewSet):
    name = "moderation_queue"
    url_prefix = "moderation/queue"
    icon = "tasks"
    menu_label = "Moderation queue"
    index_view_class = queue.QueueIndexView

    def get_urlpatterns(self):
        return [
            *self.index_patterns(self.index_view_class),
            path("next/", queue.next_item, name="next"),
            path("bulk-approve/", queue.bulk_approve, name="bulk_approve"),
            path("<uuid:pk>/", review.ReviewView.as_view(), name="review"),
            path("<uuid:pk>/claim/", review.claim, name="claim"),
            path("<uuid:pk>/take-over/", review.take_over, name="take_over"),
            path("<uuid:pk>/redact/", review.redact, name="redact"),
            path("<uuid:pk>/redact-words/", review.redact_words, name="redact_words"),
            path("<uuid:pk>/approve/", review.approve, name="approve"),
            path("<uuid:pk>/reject/", review.reject, name="reject"),
            path("<uuid:pk>/escalate/", review.escalate, name="escalate"),
            path("<uuid:pk>/photo/", review.photo, name="photo"),
            path("<uuid:pk>/reveal/", review.reveal, name="reveal"),
            path("<uuid:pk>/judge/", review.judge, name="judge"),
            path("<uuid:pk>/teach/", teaching.TeachView.as_view(), name="teach"),
        ]


class SafeguardingViewSet(QueueViewSet):
    name = "moderation_safeguarding"
    url_prefix = "moderation/safeguarding"
    icon = "warning"
    menu_label = "Safeguarding queue"
    permission = SAFEGUARD
    index_view_class = queue.SafeguardingIndexView

    def get_urlpatterns(self):
        index, results = super().get_urlpatterns()[:2]
        return [
            index,
            results,
            path("alerts/", safeguarding.AlertsView.as_view(), name="alerts"),
            path("alerts/<int:pk>/acknowledge/", safeguarding.acknowledge, name="acknowledge"),
            path("<uuid:pk>/", review.ReviewView.as_view(), name="review"),
            path("<uuid:pk>/decide/", review.decide, name="decide"),
        ]


class AlertsMenu(CheckedViewSet):
    """A menu entry for the alerts page (its URLs live with the safeguarding queue)."""

    name = "moderation_alerts"
    icon = "warning"
    menu_label = "Safeguarding alerts"
    permission = SAFEGUARD

    @property
    def menu_url(self):
        return reverse("moderation_safeguarding:alerts")


class AuditViewSet(CheckedViewSet):
    name = "moderation_audit"
    url_prefix = "moderation/audit"
    icon = "history"
    menu_label = "Moderation audit"
    permission = VIEW_AUDIT

    def get_urlpatterns(self):
        return self.index_patterns(safeguarding.AuditIndexView)


class WellbeingViewSet(CheckedViewSet):
    """Leads only: their team's reading of distressing items today."""

    name = "moderation_wellbeing"
    url_prefix = "moderation/wellbeing"
    icon = "group"
    menu_label = "Moderators' reading today"
    permission = SAFEGUARD

    def get_urlpatterns(self):
        return [path("", wellbeing.TeamWellbeingView.as_view(), name="index")]


class ScanPhraseViewSet(ModelViewSet):
    # Wagtail's model views and the model's own permissions (moderation.add_scanphrase, ...).
    model = ScanPhrase
    name = "moderation_phrases"
    url_prefix = "moderation/phrases"
    icon = "edit"
    menu_label = "Scan phrases"
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["category", "phrase", "notes", "active"]
    list_display = ["phrase", "category", "active", "created_at"]
    list_filter = ["category", "active"]
    search_fields = ["phrase"]

    def get_urlpatterns(self):
        # The list is our own screen: the built-in lines beside staff's, and "Try a phrase".
        # Wagtail's views add, change and delete staff phrases.
        own = [path("", phrases.PhrasesView.as_view(), name="index")]
        return own + [p for p in super().get_urlpatterns() if p.name != "index"]


class ModerationGroup(ViewSetGroup):
    menu_label = "Moderation"
    menu_icon = "tasks"
    menu_name = "moderation"
    menu_order = 150
    items = (
        QueueViewSet,
        SafeguardingViewSet,
        AlertsMenu,
        AuditViewSet,
        WellbeingViewSet,
        ScanPhraseViewSet,
    )
