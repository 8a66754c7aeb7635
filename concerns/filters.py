"""The coordinators' queue filters."""

import django_filters

from wagtail.admin.filters import WagtailFilterSet

from .choices import PlaceType, ReportStatus
from .models import ConcernReport


class ReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=ReportStatus.choices, empty_label="New (the queue)"
    )
    place_type = django_filters.ChoiceFilter(
        label="Kind of place", choices=PlaceType.choices, empty_label="All"
    )

    class Meta:
        model = ConcernReport
        fields = ["status", "place_type"]
