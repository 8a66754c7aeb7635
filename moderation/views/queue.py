"""The moderation queue (general, unflagged) and the safeguarding queue (flagged, leads only):
Wagtail index views with filters, a live count of what changed, and bulk approval."""

import uuid
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db.models import Q, prefetch_related_objects
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views import generic

from moderation import services, wellbeing
from moderation.filters import QueueFilterSet
from moderation.models import ModerationItem, RiskLevel
from moderation.permissions import MODERATE, SAFEGUARD
from moderation.scanner import CATEGORY_LABELS
from moderation.views.same_source import SameSourceColumn
from places.models import Gazetteer
from staff.admin import PermissionRequiredMixin, permission_required
from staff.names import staff_name


class QueueTable(Table):
    def get_row_attrs(self, instance):
        attrs = super().get_row_attrs(instance)
        attrs["data-item-id"] = str(instance.pk)
        attrs["data-item-status"] = instance.status
        return attrs


class SelectColumn(Column):
    """A checkbox for bulk approval, only on items nobody needs to read: no flag, no risk, no
    words and no photo."""

    cell_template_name = "moderation/admin/cells/select.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["eligible"] = bulk_approvable(instance)
        context["item"] = instance
        return context


def bulk_approvable(item) -> bool:
    return not item.flags and not item.has_text and item.risk_level == RiskLevel.NONE


class ExcerptColumn(Column):
    """The start of what they wrote, as the public would read it (personal data the scan found
    masked); blurred when it may be distressing, as on the review page."""

    cell_template_name = "moderation/admin/cells/excerpt.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["item"] = instance
        context["excerpt"] = excerpt(instance)
        context["blurred"] = instance.distressing
        return context


def excerpt(item) -> str:
    """The masked words, shortened: never the original (a scan not yet done shows nothing)."""
    if not item.has_text or item.scanned_at is None:
        return ""
    text = " ".join(item.published_text.split())
    return Truncator(text).chars(settings.MODERATION_QUEUE_EXCERPT_CHARS)


def prefetch_places(items) -> None:
    """The named place of each row's contribution, one query per kind that has one."""
    by_model = defaultdict(list)
    for item in items:
        contribution = item.contribution
        if contribution is not None:
            by_model[type(contribution)].append(contribution)
    for model, contributions in by_model.items():
        if any(field.name == "place" for field in model._meta.get_fields()):
            prefetch_related_objects(contributions, "place")


def headline(item, gazetteer: Gazetteer) -> str:
    """What it is and where (a feeling and the nearest named place for a pin)."""
    contribution = item.contribution
    if contribution is None:
        return f"A {item.kind} since deleted"
    return contribution.moderation_headline(gazetteer)


class RiskColumn(Column):
    cell_template_name = "moderation/admin/cells/risk.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["item"] = instance
        context["percent"] = round(instance.risk_score * 100)
        return context


def due_label(item) -> str:
    if item.due_at is None:
        return ""
    now = timezone.now()
    if item.due_at < now:
        return f"Overdue by {timesince(item.due_at, now).split(',')[0]}"
    return f"Due in {timesince(now, item.due_at).split(',')[0]}"


def received(item) -> str:
    # One column for when and how long ago: fewer cells keep a 50-row page quick to render.
    waiting = timesince(item.created_at, timezone.now()).split(",")[0]
    return f"{timezone.localtime(item.created_at):%d %b %Y %H:%M} (waiting {waiting})"


def exercise_label(item) -> str:
    return ", ".join(
        part for part in (item.exercise, item.workshop and f"workshop {item.workshop}") if part
    )


def claim_label(item) -> str:
    if item.claimed_by_id and services.claim_is_live(item):
        return f"Claimed by {staff_name(item.claimed_by)}"
    return "Open"


def categories_label(item) -> str:
    return ", ".join(CATEGORY_LABELS.get(slug, slug) for slug in item.disclosure) or (
        "Escalated by a moderator" if item.escalation_note else "Scan failed: read it"
    )


class QueueIndexView(PermissionRequiredMixin, generic.IndexView):
    model = ModerationItem
    permission_required = MODERATE
    page_title = "Moderation queue"
    header_icon = "tasks"
    paginate_by = 50
    # "risk": "possible" first, then by score, then the oldest (ModerationItemQuerySet.by_risk).
    default_ordering = "risk"
    table_class = QueueTable
    filterset_class = QueueFilterSet
    template_name = "moderation/admin/queue.html"
    review_url_name = "moderation_queue:review"
    safeguarding = False

    def get_base_queryset(self):
        # Each row names what it is and where: one query per contribution type, not per row.
        queue = ModerationItem.objects.open()
        queue = queue.safeguarding_queue() if self.safeguarding else queue.general_queue()
        return queue.select_related("claimed_by").prefetch_related("contribution")

    def get_table(self, object_list):
        # Not every kind of contribution has a place (a reported disclosure, a view of a
        # service), so "contribution__place" cannot be prefetched across them all at once.
        prefetch_places(object_list)
        return super().get_table(object_list)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer()

    def order_queryset(self, queryset):
        # By risk unless the moderator sorted by a column: a "possible" item heads the queue.
        if self.ordering == "risk":
            return queryset.by_risk()
        return super().order_queryset(queryset)

    @property
    def columns(self):
        return [
            SelectColumn("select", label="Select"),
            TitleColumn(
                "kind",
                label="Contribution",
                url_name=self.review_url_name,
                accessor=lambda item: headline(item, self.gazetteer),
            ),
            ExcerptColumn("excerpt", label="What they wrote"),
            RiskColumn("risk", label="Risk"),
            Column("due", label="Due", accessor=due_label),
            Column("created_at", label="Received", sort_key="created_at", accessor=received),
            Column("exercise", label="Exercise, workshop", accessor=exercise_label),
            Column("flags", label="Flags", accessor=lambda i: ", ".join(i.flags) or "none"),
            Column("claim", label="Claim", accessor=claim_label),
            SameSourceColumn("same_source", label="Same source"),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_approve_url"] = reverse("moderation_queue:bulk_approve")
        context["next_url"] = reverse("moderation_queue:next")
        context["wellbeing"] = wellbeing.status(self.request.user)
        return context


class SafeguardingIndexView(QueueIndexView):
    permission_required = SAFEGUARD
    page_title = "Safeguarding queue"
    header_icon = "warning"
    review_url_name = "moderation_safeguarding:review"
    template_name = "moderation/admin/safeguarding_queue.html"
    safeguarding = True

    @property
    def columns(self):
        return [
            TitleColumn(
                "kind",
                label="Contribution",
                url_name=self.review_url_name,
                accessor=lambda item: f"Possible disclosure: {headline(item, self.gazetteer)}",
            ),
            ExcerptColumn("excerpt", label="What they wrote"),
            Column("indicators", label="Indicators", accessor=categories_label),
            RiskColumn("risk", label="Risk"),
            Column("due", label="Due", accessor=due_label),
            Column("created_at", label="Received", sort_key="created_at", accessor=received),
            Column("claim", label="Claim", accessor=claim_label),
            SameSourceColumn("same_source", label="Same source"),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alerts_url"] = reverse("moderation_safeguarding:alerts")
        return context


@permission_required(MODERATE)
def next_item(request):
    """The oldest open item nobody else holds, for the "n" shortcut and after each decision."""
    expiry = timezone.now() - timedelta(minutes=settings.MODERATION_CLAIM_MINUTES)
    item = (
        ModerationItem.objects.open()
        .general_queue()
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lte=expiry) | Q(claimed_by=request.user))
        .by_risk()
        .first()
    )
    if item is None:
        messages.success(request, "The queue is empty: nothing is waiting.")
        return redirect("moderation_queue:index")
    return redirect("moderation_queue:review", item.pk)


def _uuid(value):
    try:
        return uuid.UUID(value)
    except ValueError:  # a malformed id is simply not approved
        return None


@permission_required(MODERATE)
@require_POST
def bulk_approve(request):
    ids = [_uuid(value) for value in request.POST.getlist("item")]
    ids = [value for value in ids if value is not None]
    if not ids:
        messages.error(request, "Select the contributions to approve first.")
        return HttpResponseRedirect(reverse("moderation_queue:index"))
    approved, skipped = services.bulk_approve(ids, request.user)
    if approved:
        messages.success(
            request, f"Approved {len(approved)} contributions with no words, photo or flags."
        )
    if skipped:
        messages.warning(
            request,
            f"{len(skipped)} were not approved: only contributions with no words and no photo "
            "(a feeling, reasons and a time) can be approved together. Anything with words, a "
            "photo or a flag must be opened and read, or someone else has decided or claimed "
            "it. Open them one by one.",
        )
    return HttpResponseRedirect(reverse("moderation_queue:index"))
