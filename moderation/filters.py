"""The queue's filters: type, exercise, workshop, flags and age (all on indexed columns)."""

from datetime import timedelta

import django_filters

from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet

from .models import ModerationItem

FLAG_CHOICES = [
    ("none", "No flags"),
    ("bulk", "No words, photo or flags (can be approved together)"),
    ("possible", "Possible risk"),
    ("personal-data", "Personal data found"),
    ("abuse", "Abusive language"),
    ("photo", "Has a photo"),
    ("not-scanned", "Not scanned yet"),
]
AGE_CHOICES = [
    ("1", "Waiting more than a day"),
    ("7", "Waiting more than a week"),
    ("30", "Waiting more than 30 days"),
]


def _distinct(field):
    def choices():
        values = ModerationItem.objects.open().exclude(**{field: ""}).values_list(field, flat=True)
        return [(v, v) for v in sorted(set(values.distinct().order_by()))]

    return choices


class QueueFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Type", choices=_distinct("kind"), empty_label="All")
    exercise = django_filters.ChoiceFilter(
        label="Exercise", choices=_distinct("exercise"), empty_label="All"
    )
    workshop = django_filters.CharFilter(label="Workshop code", lookup_expr="iexact")
    flags = django_filters.ChoiceFilter(
        label="Flags", choices=FLAG_CHOICES, method="filter_flags", empty_label="All"
    )
    age = django_filters.ChoiceFilter(
        label="Age", choices=AGE_CHOICES, method="filter_age", empty_label="Any"
    )

    class Meta:
        model = ModerationItem
        fields = []

    def filter_flags(self, queryset, name, value):
        return {
            "none": lambda q: q.without_flags(),
            "bulk": lambda q: q.bulk_approvable(),
            "possible": lambda q: q.filter(risk_level="possible"),
            "personal-data": lambda q: q.filter(pii_found=True),
            "abuse": lambda q: q.filter(abusive=True),
            "photo": lambda q: q.filter(has_photo=True),
            "not-scanned": lambda q: q.filter(scanned_at__isnull=True),
        }[value](queryset)

    def filter_age(self, queryset, name, value):
        return queryset.filter(created_at__lt=timezone.now() - timedelta(days=int(value)))
