"""One network with many cookies (a Sybil), differencing across filters: the attacks of issue 15."""

import pytest

from mapping.aggregation import aggregate_month
from mapping.releases import get_release
from mapping.selection import Filters
from participation.sources import network_source
from tests.mapping.factories import bulk_pins
from tests.mapping.helpers import CHILDREN, PARENT, SPOTS, crowd

pytestmark = pytest.mark.django_db

ALL = Filters()
ATTACKER = network_source("203.0.113.9")


def cells(filters=ALL):
    return {c["cell"]: c for c in aggregate_month("2025-03", filters).cells}


def test_one_network_clearing_its_cookie_cannot_make_a_cell_publish():
    # One real person and seven cookie-cleared pins from one address: before, 8 "people".
    bulk_pins(crowd(1, feeling="safe", when="night") + crowd(7, first=10, source=ATTACKER))
    assert cells() == {}
    assert cells(Filters(when="night")) == {}


def test_one_network_with_many_cookies_does_not_move_a_published_number():
    real = crowd(11, feeling="safe")
    bulk_pins(real + crowd(25, first=100, feeling="unsafe", source=ATTACKER))
    cell = cells()[CHILDREN[0]]
    # 12 people: the eleven and the attacker once (25 cookies would have made it 36). The safe
    # count (11) is withheld too: the whole cell minus it would single out the attacker's pins.
    assert (cell["total"], cell["safe"], cell["unsafe"]) == (10, None, None)


def test_one_cookie_hopping_networks_is_still_one_person():
    # Six people and one cookie seen from nine networks: 7 people, though 15 sources.
    pins = crowd(6) + [
        {**crowd(1, first=50)[0], "source": network_source(f"198.51.100.{n}")} for n in range(9)
    ]
    bulk_pins(pins)
    assert cells() == {}


def test_a_workshop_class_on_one_network_counts_as_its_participants():
    from participation.sources import workshop_source
    from tests.mapping.factories import contributor

    bulk_pins(
        [
            {**spec, "source": workshop_source("KMT4PX", contributor(n))}
            for n, spec in enumerate(crowd(8))
        ]
    )
    assert cells()[CHILDREN[0]]["total"] == 10


def test_a_filter_works_within_the_month_partition():
    # E (CHILDREN[0]) is dense unfiltered: 5 safe and 4 unsafe people. Its neighbour has 4 safe
    # people. Before, under feeling=safe E fell below 8 and its 5 safe people pooled with the 4
    # into the parent: a parent published only under the filter, counting E's people twice.
    bulk_pins(
        crowd(5, feeling="safe")
        + crowd(4, first=10, feeling="unsafe")
        + crowd(4, SPOTS[1], first=20, feeling="safe")
    )
    unfiltered = get_release("2025-03", ALL)
    assert '"cell":"%s"' % CHILDREN[0] in unfiltered.body
    assert PARENT not in unfiltered.body
    safe = get_release("2025-03", Filters(feeling="safe"))
    assert PARENT not in safe.body
    assert safe.cells == 0


def test_the_partition_stays_as_the_unfiltered_release_froze_it():
    bulk_pins(crowd(8, feeling="safe") + crowd(8, first=10, feeling="unsafe"))
    get_release("2025-03", ALL)
    # Later approvals cannot move pins between units in the month's other views.
    bulk_pins(crowd(8, SPOTS[1], first=40, feeling="safe"))
    safe = get_release("2025-03", Filters(feeling="safe"))
    assert CHILDREN[1] not in safe.body
