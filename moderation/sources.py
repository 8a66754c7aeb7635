"""Many items from one source: the queue and the review screen say so, never where from.

An item's `source` is the keyed fingerprint its contribution app computed (participation/
sources.py: a network, or a workshop participant), kept MODERATION_SOURCE_DAYS. The marker counts
the items sharing it within MODERATION_SAME_SOURCE_HOURS either side of an item, and shows when
there are at least MODERATION_SAME_SOURCE_ITEMS: a moderator sees a flood or a sockpuppet run
without anyone seeing the address (there is none to see)."""

from collections import Counter
from datetime import timedelta

from django.conf import settings

from .models import ModerationItem


def window() -> timedelta:
    return timedelta(hours=settings.MODERATION_SAME_SOURCE_HOURS)


def same_source_counts(items) -> dict:
    """{item pk: items from its source within the window around it (itself included)}, only for
    items at or over MODERATION_SAME_SOURCE_ITEMS. Two queries whatever the number of items."""
    items = [item for item in items if item.source]
    if not items:
        return {}
    earliest = min(item.created_at for item in items) - window()
    latest = max(item.created_at for item in items) + window()
    around = list(
        ModerationItem.objects.filter(
            source__in={item.source for item in items},
            created_at__range=(earliest, latest),
        ).values_list("source", "created_at")
    )
    counts = Counter()
    for item in items:
        start, end = item.created_at - window(), item.created_at + window()
        counts[item.pk] = sum(1 for s, at in around if s == item.source and start <= at <= end)
    return {pk: n for pk, n in counts.items() if n >= settings.MODERATION_SAME_SOURCE_ITEMS}


def same_source_count(item) -> int | None:
    return same_source_counts([item]).get(item.pk)
