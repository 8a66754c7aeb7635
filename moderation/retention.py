"""Retention (`manage.py purge_expired`, daily): exact positions and rejected contributions are
kept no longer than moderation needs them.

- A decided contribution keeps only its H3 resolution-9 cell centre (done at the decision; this
  catches anything that missed it).
- A contribution still waiting keeps its exact position at most MODERATION_PENDING_LOCATION_DAYS.
- A rejected contribution, its photo and its moderation item are deleted
  MODERATION_REJECTED_DAYS after the decision; the audit keeps who, when and what, no free text.
- An item whose contribution is gone (deleted with its receipt code) goes too.
- An item's source fingerprint (moderation/sources.py) is cleared MODERATION_SOURCE_DAYS after it
  arrived: it only serves the "many items from one source" marker.

Apps below moderation's view (contributions keep their own retention rules) connect a receiver to
`retention_due`; `purge_expired` sends it after its own rules and prints what each one returns."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from . import audit
from .models import AuditAction, ModerationItem, ModerationStatus

logger = logging.getLogger(__name__)

# Sent by purge_expired with `now`; each receiver applies its own app's rules and returns a report
# (its str() is printed), so moderation runs them without importing the contribution apps.
retention_due = Signal()


@dataclass
class PurgeReport:
    locations: int = 0
    deleted: int = 0
    orphans: int = 0
    sources: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self):
        return (
            f"exact positions removed: {self.locations}; rejected contributions deleted: "
            f"{self.deleted}; items without a contribution removed: {self.orphans}; "
            f"source fingerprints cleared: {self.sources}; "
            f"errors: {len(self.errors)}"
        )


def purge_location(item: ModerationItem, now) -> None:
    with transaction.atomic():
        contribution = item.contribution
        if contribution is not None:
            contribution.purge_raw_location()
        ModerationItem.objects.filter(pk=item.pk).update(raw_location_purged_at=now)
        audit.record(item, AuditAction.LOCATION_PURGED, at=now)


def delete_for_good(item: ModerationItem) -> None:
    """The contribution (photo included, after the commit) and its item; see signals.py for
    what the audit keeps."""
    with transaction.atomic():
        contribution = item.contribution
        if contribution is not None:
            contribution.delete_for_good()
        ModerationItem.objects.filter(pk=item.pk).delete()


def _orphans(items) -> list[ModerationItem]:
    by_type: dict = {}
    for item in items:
        by_type.setdefault(item.content_type, []).append(item)
    missing = []
    for content_type, group in by_type.items():
        model = content_type.model_class()
        if model is None:
            missing.extend(group)
            continue
        ids = [item.object_id for item in group]
        present = {
            str(pk) for pk in model._base_manager.filter(pk__in=ids).values_list("pk", flat=True)
        }
        missing.extend(item for item in group if item.object_id not in present)
    return missing


def purge_expired(now=None) -> PurgeReport:
    now = now or timezone.now()
    report = PurgeReport()
    pending_cutoff = now - timedelta(days=settings.MODERATION_PENDING_LOCATION_DAYS)
    rejected_cutoff = now - timedelta(days=settings.MODERATION_REJECTED_DAYS)
    items = ModerationItem.objects.select_related("content_type")

    def attempt(action, item, counter):
        try:
            action(item)
            setattr(report, counter, getattr(report, counter) + 1)
        except Exception as error:  # one bad row must not stop the rest of the purge
            logger.exception("retention failed for moderation item %s", item.pk)
            report.errors.append(f"{item.pk}: {error}")

    for item in _orphans(items.iterator()):
        attempt(lambda i: ModerationItem.objects.filter(pk=i.pk).delete(), item, "orphans")
    for item in items.filter(status=ModerationStatus.REJECTED, decided_at__lt=rejected_cutoff):
        attempt(delete_for_good, item, "deleted")
    decided = items.exclude(status__in=[ModerationStatus.PENDING, ModerationStatus.ESCALATED])
    stale = items.open().filter(created_at__lt=pending_cutoff)
    for item in (decided | stale).filter(raw_location_purged_at__isnull=True):
        attempt(lambda i: purge_location(i, now), item, "locations")
    source_cutoff = now - timedelta(days=settings.MODERATION_SOURCE_DAYS)
    report.sources = (
        ModerationItem.objects.filter(created_at__lt=source_cutoff)
        .exclude(source="")
        .update(source="")
    )
    return report
