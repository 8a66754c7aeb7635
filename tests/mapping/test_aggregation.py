"""The privacy rules of aggregation, example by example (test_properties.py tries random data)."""

import pytest

from django.test import override_settings

from mapping.aggregation import aggregate_month, round_count
from mapping.selection import Filters
from moderation.models import ModerationStatus
from tests.mapping.factories import ApprovedPinFactory, ReasonFactory, bulk_pins, contributor
from tests.mapping.helpers import CHILDREN, FAR_SPOT, PARENT, SPOTS, crowd

pytestmark = pytest.mark.django_db

MONTH = "2025-03"


ALL = Filters()


def cells(filters=ALL):
    return {cell["cell"]: cell for cell in aggregate_month(MONTH, filters).cells}


@pytest.mark.parametrize(
    ("n", "rounded"), [(0, 0), (1, 0), (2, 0), (3, 5), (7, 5), (8, 10), (12, 10), (13, 15)]
)
def test_counts_round_to_the_nearest_five(n, rounded):
    assert round_count(n) == rounded


def test_a_cell_needs_eight_distinct_people():
    bulk_pins(crowd(7) + crowd(8, SPOTS[1], first=100))
    published = cells()
    assert CHILDREN[0] not in published
    assert published[CHILDREN[1]]["total"] == 10


def test_one_person_pinning_many_times_counts_once():
    bulk_pins(crowd(6) + crowd(1, first=50) * 40)  # 7 people, 46 pins
    assert cells() == {}


def test_pending_rejected_escalated_and_flagged_pins_never_count():
    bulk_pins(crowd(7))
    for n, status in enumerate(
        [ModerationStatus.PENDING, ModerationStatus.REJECTED, ModerationStatus.ESCALATED]
    ):
        bulk_pins(crowd(1, first=100 + n, status=status))
    bulk_pins(crowd(1, first=200, flagged=True))
    assert cells() == {}
    # The eighth approved person.
    ApprovedPinFactory(position=SPOTS[0], period=MONTH, contributor=contributor(300))
    assert cells()[CHILDREN[0]]["total"] == 10


def test_sparse_cells_roll_up_to_their_resolution_7_parent():
    # Four people in one cell and four in its neighbour: neither is published at resolution 8,
    # together they are at resolution 7; a dense neighbour is not counted twice.
    bulk_pins(crowd(4) + crowd(4, SPOTS[1], first=10) + crowd(9, SPOTS[2], first=20))
    published = cells()
    assert set(published) == {PARENT, CHILDREN[2]}
    assert published[PARENT]["total"] == 10  # the 8 pooled people, not the 9 of the dense cell
    assert published[CHILDREN[2]]["total"] == 10


def test_a_sparse_area_that_stays_sparse_is_left_out():
    bulk_pins(crowd(3) + crowd(3, FAR_SPOT, first=10))
    assert cells() == {}


def test_safe_and_unsafe_are_people_who_said_so():
    bulk_pins(crowd(8, feeling="safe") + crowd(9, first=10, feeling="unsafe"))
    cell = cells()[CHILDREN[0]]
    assert (cell["safe"], cell["unsafe"], cell["total"]) == (10, 10, 15)


def test_a_feeling_from_fewer_than_eight_people_is_not_published():
    # Before: 6 safe and 3 unsafe people were published as safe=5, unsafe=5.
    bulk_pins(crowd(6, feeling="safe") + crowd(3, first=10, feeling="unsafe"))
    cell = cells()[CHILDREN[0]]
    assert (cell["safe"], cell["unsafe"], cell["total"]) == (None, None, 10)


def test_reasons_are_listed_only_when_enough_people_gave_them():
    dark, lonely, gangs = (ReasonFactory(slug=s) for s in ("dark", "lonely", "gangs"))
    bulk_pins(
        crowd(9, reasons=[dark, lonely])
        + crowd(2, first=20, reasons=[gangs])
        + crowd(1, first=30, reasons=[lonely])
        # Eight more without a reason, so no reason is a small group short of the whole cell.
        + crowd(8, first=40)
    )
    # 10 gave "lonely" and 9 "dark": both publish as 10, so they rank by name, not by the
    # unpublished difference.
    assert cells()[CHILDREN[0]]["reasons"] == [["dark", 10], ["lonely", 10]]


def test_filters_narrow_the_pins_before_the_threshold():
    bulk_pins(crowd(8, when="evening") + crowd(8, first=10, when="night"))
    assert CHILDREN[0] in cells(Filters(when="evening"))
    assert cells(Filters(when="night"))[CHILDREN[0]]["total"] == 10
    assert cells(Filters(feeling="safe")) == {}


def test_a_filter_whose_difference_from_the_whole_cell_is_a_small_group_is_left_out():
    # 12 people, 8 in the evening: publishing the evening view (8) beside the cell (12) would
    # reveal the 4 others by subtraction.
    bulk_pins(crowd(8, when="evening") + crowd(4, first=10, when="night"))
    assert CHILDREN[0] in cells()
    assert cells(Filters(when="evening")) == {}
    assert cells(Filters(when="night")) == {}


def test_only_the_asked_month_counts():
    bulk_pins(crowd(4, period="2025-02") + crowd(4, first=10, period="2025-04"))
    assert cells() == {}


@override_settings(MAP_MIN_CONTRIBUTORS=3)
def test_the_threshold_comes_from_settings():
    bulk_pins(crowd(3))
    assert cells()[CHILDREN[0]]["total"] == 5
