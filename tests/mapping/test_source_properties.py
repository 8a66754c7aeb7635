"""Privacy invariants of the map when sources are shared (hypothesis): for any pins from people
who share networks and cookies, and any two views of a month,

- every published number comes from at least 8 distinct contributors and 8 distinct sources;
- the partition is the unfiltered one: a cell under a filter is a cell of the unfiltered view;
- two nested views of a cell that differ are separated by at least 8 contributors and 8 sources;
- one source using any number of cookies gives the same output as with one cookie."""

import h3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from mapping.aggregation import aggregate_month
from mapping.selection import Filters
from participation.models import Pin
from participation.sources import network_source
from tests.mapping.factories import ReasonFactory, bulk_pins, contributor
from tests.mapping.helpers import FAR_SPOT, SPOTS

MONTH = "2025-03"
PLACES = [SPOTS[0], SPOTS[1], SPOTS[2], FAR_SPOT]
MIN = 8
VIEWS = [
    Filters(),
    Filters(feeling="safe"),
    Filters(feeling="unsafe"),
    Filters(when="night"),
    Filters(feeling="unsafe", when="night"),
]

pin_strategy = st.fixed_dictionaries(
    {
        "person": st.integers(0, 23),
        # Few networks, so that several people share one (a school, a mobile carrier).
        "network": st.integers(0, 14),
        "place": st.sampled_from([0, 0, 0, 1, 1, 2, 3]),
        "feeling": st.sampled_from(["safe", "unsafe"]),
        "when": st.sampled_from(["", "night", "night", "evening"]),
        "reasons": st.lists(st.integers(0, 1), max_size=2, unique=True),
    }
)
pins_strategy = st.lists(pin_strategy, min_size=8, max_size=80)
property_settings = settings(
    max_examples=6,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def matches(spec: dict, filters: Filters, extra: dict | None = None) -> bool:
    wanted = {k: v for k, v in {**filters.as_dict(), **(extra or {})}.items() if v}
    for name, value in wanted.items():
        if name == "reason":
            if value not in spec["reason_slugs"]:
                return False
        elif spec[name] != value:
            return False
    return True


class SharedSourceProperties(TestCase):
    def setUp(self):
        self.reasons = [ReasonFactory(slug=f"why-{n}") for n in range(2)]

    def make(self, pins: list[dict]) -> list[dict]:
        specs = []
        for pin in pins:
            lat, lng = PLACES[pin["place"]]
            specs.append(
                {
                    "lat": lat,
                    "lng": lng,
                    "r7": h3.latlng_to_cell(lat, lng, 7),
                    "r8": h3.latlng_to_cell(lat, lng, 8),
                    "contributor": contributor(pin["person"]),
                    "source": network_source(f"192.0.2.{pin['network']}"),
                    "feeling": pin["feeling"],
                    "when": pin["when"],
                    "reasons": [self.reasons[r] for r in pin["reasons"]],
                    "reason_slugs": {self.reasons[r].slug for r in pin["reasons"]},
                }
            )
        bulk_pins(specs)
        return specs

    def views(self) -> dict[Filters, dict]:
        return {f: {c["cell"]: c for c in aggregate_month(MONTH, f).cells} for f in VIEWS}

    @staticmethod
    def behind(specs, cell: str, dense: set[str]) -> list[dict]:
        if h3.get_resolution(cell) == 8:
            return [s for s in specs if s["r8"] == cell]
        return [s for s in specs if s["r7"] == cell and s["r8"] not in dense]

    @staticmethod
    def enough(pins: list[dict]) -> bool:
        return (
            len({p["contributor"] for p in pins}) >= MIN and len({p["source"] for p in pins}) >= MIN
        )

    @property_settings
    @given(pins=pins_strategy)
    def test_published_numbers_and_differences_stand_on_enough_people_and_sources(self, pins):
        specs = self.make(pins)
        views = self.views()
        unfiltered = views[Filters()]
        dense = {c for c in unfiltered if h3.get_resolution(c) == 8}
        for filters, cells in views.items():
            # The partition is the month's unfiltered one, whatever the filter.
            assert set(cells) <= set(unfiltered)
            for cell_id, cell in cells.items():
                pins_here = self.behind(specs, cell_id, dense)
                assert self.enough([p for p in pins_here if matches(p, filters)])
                for feeling in ("safe", "unsafe"):
                    if cell[feeling] is not None:
                        chosen = {"feeling": feeling}
                        assert self.enough([p for p in pins_here if matches(p, filters, chosen)])
                for slug, _ in cell["reasons"]:
                    chosen = {"reason": slug}
                    assert self.enough([p for p in pins_here if matches(p, filters, chosen)])
                # Nested views: the coarser view (fewer conditions) against this one.
                for coarser in views:
                    asked = {k: v for k, v in coarser.as_dict().items() if v}
                    if coarser == filters or not asked.items() <= filters.as_dict().items():
                        continue
                    other = views[coarser].get(cell_id)
                    if other is None or other["total"] == cell["total"]:
                        continue
                    inside = [p for p in pins_here if matches(p, filters)]
                    outside = [p for p in pins_here if matches(p, coarser)]
                    only_people = {p["contributor"] for p in outside} - {
                        p["contributor"] for p in inside
                    }
                    only_sources = {p["source"] for p in outside} - {p["source"] for p in inside}
                    assert len(only_people) >= MIN and len(only_sources) >= MIN

    @property_settings
    @given(pins=pins_strategy, network=st.integers(0, 14))
    def test_one_source_with_any_number_of_cookies_never_moves_a_number(self, pins, network):
        self.make(pins)
        source = network_source(f"192.0.2.{network}")
        # The source's pins all under one fresh cookie, then each under a cookie of its own.
        Pin.objects.filter(source=source).update(contributor=contributor("one-cookie"))
        one_cookie = self.views()
        for n, pk in enumerate(Pin.objects.filter(source=source).values_list("pk", flat=True)):
            Pin.objects.filter(pk=pk).update(contributor=contributor(f"cookie-{n}"))
        assert self.views() == one_cookie
