"""Privacy invariants of the community map over random pin sets (hypothesis).

Each example is a crowd of contributors, each adding 1 to 50 pins across a few neighbouring
cells, two months, both feelings, every time of day, every moderation state, with reasons and
free-text comments. Whatever the crowd, the published output must follow the rules; and it must
equal what a plain re-statement of the rules (the oracle below) gives from the public pins."""

import json
import re

import h3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from mapping.aggregation import aggregate_month
from mapping.models import Release
from mapping.selection import Filters
from moderation.models import ModerationItem, ModerationStatus
from participation.models import Pin
from places.geo import cell_polygon
from tests.mapping.conftest import fresh_cache
from tests.mapping.factories import ReasonFactory, bulk_pins, contributor
from tests.mapping.helpers import FAR_SPOT, SPOTS

MONTHS = ["2025-03", "2025-04"]
PLACES = [SPOTS[0], SPOTS[1], SPOTS[2], FAR_SPOT]
STATES = ["approved"] * 5 + ["pending", "rejected", "escalated", "flagged"]
MIN, BASE = 8, 5
URL = "/api/v1/community-map.geojson"

pin_strategy = st.fixed_dictionaries(
    {
        # Weighted towards one cell, so that cells cross the threshold as often as they miss it.
        "place": st.sampled_from([0, 0, 0, 1, 1, 2, 3]),
        # Up to ~45 m from the spot: raw positions that must never be published.
        "dlat": st.floats(-0.0004, 0.0004),
        "dlng": st.floats(-0.0004, 0.0004),
        "feeling": st.sampled_from(["safe", "unsafe"]),
        "when": st.sampled_from(["", "morning", "after-school", "evening", "night"]),
        "state": st.sampled_from(STATES),
        "reasons": st.lists(st.integers(0, 2), max_size=2, unique=True),
        "month": st.sampled_from([MONTHS[0], MONTHS[0], MONTHS[1]]),
        "comment": st.text(alphabet="abcdefghij ", max_size=12),
    }
)
crowd_strategy = st.lists(st.lists(pin_strategy, min_size=1, max_size=50), min_size=6, max_size=24)
property_settings = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def round5(n: int) -> int:
    return (2 * n + BASE) // (2 * BASE) * BASE


def oracle(specs: list[dict], month: str) -> list[dict]:
    """The rules, restated plainly over the public pins of one month (each contributor here is its
    own source, so people are contributors; test_source_properties.py covers shared sources)."""
    public = [s for s in specs if s["public"] and s["period"] == month]
    fine: dict[str, list] = {}
    for s in public:
        fine.setdefault(s["r8"], []).append(s)
    groups = {c: ps for c, ps in fine.items() if len({p["contributor"] for p in ps}) >= MIN}
    coarse: dict[str, list] = {}
    for s in public:
        if s["r8"] not in groups:
            coarse.setdefault(s["r7"], []).append(s)
    groups.update({c: ps for c, ps in coarse.items() if len({p["contributor"] for p in ps}) >= MIN})
    cells = []
    for cell in sorted(groups):
        pins = groups[cell]

        def people(pins):
            return len({p["contributor"] for p in pins})

        total = people(pins)

        def sub_count(n, total=total):
            # Enough people, and not a small group short of the whole cell.
            return round5(n) if n >= MIN and not 0 < total - n < MIN else None

        reasons = []
        for slug in sorted({r.slug for p in pins for r in p["reasons"]}):
            n = sub_count(people([p for p in pins if slug in {r.slug for r in p["reasons"]}]))
            if n is not None:
                reasons.append([slug, n])
        cells.append(
            {
                "cell": cell,
                "safe": sub_count(people([p for p in pins if p["feeling"] == "safe"])),
                "unsafe": sub_count(people([p for p in pins if p["feeling"] == "unsafe"])),
                "total": round5(people(pins)),
                "reasons": sorted(reasons, key=lambda r: (-r[1], r[0]))[:3],
            }
        )
    return cells


def numbers_in(value):
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers_in(item)


class CommunityMapProperties(TestCase):
    def setUp(self):
        self.reasons = [ReasonFactory(slug=f"reason-{n}") for n in range(3)]

    def make(self, crowd: list[list[dict]]) -> list[dict]:
        specs = []
        for person, pins in enumerate(crowd):
            for pin in pins:
                lat, lng = PLACES[pin["place"]]
                lat, lng = lat + pin["dlat"], lng + pin["dlng"]
                state = pin["state"]
                specs.append(
                    {
                        "lat": lat,
                        "lng": lng,
                        "r7": h3.latlng_to_cell(lat, lng, 7),
                        "r8": h3.latlng_to_cell(lat, lng, 8),
                        "contributor": contributor(person),
                        "feeling": pin["feeling"],
                        "when": pin["when"],
                        "period": pin["month"],
                        "reasons": [self.reasons[r] for r in pin["reasons"]],
                        "comment": f"FREETEXT{person}x {pin['comment']}",
                        # Flagged: a possible disclosure, escalated to a safeguarding lead.
                        "status": state if state != "flagged" else ModerationStatus.ESCALATED,
                        "flagged": state == "flagged",
                        "public": state == "approved",
                    }
                )
        bulk_pins(specs)
        return specs

    def fetch(self, **params) -> bytes:
        with fresh_cache():
            response = self.client.get(URL, params)
        assert response.status_code == 200
        return response.content

    @property_settings
    @given(crowd=crowd_strategy)
    def test_published_cells_follow_the_rules(self, crowd):
        specs = self.make(crowd)
        for month in MONTHS:
            cells = aggregate_month(month, Filters()).cells
            # Exactly what the rules say, from the public pins alone: so no published cell has
            # fewer than 8 distinct people, and no pending, rejected or flagged pin counts.
            assert cells == oracle(specs, month)
        body = self.fetch(**{"from": MONTHS[0], "to": MONTHS[-1]})
        collection = json.loads(body)
        for feature in collection["features"]:
            props = feature["properties"]
            cell = props["cell"]
            assert h3.get_resolution(cell) <= 8
            # The only coordinates are the hexagon's own corners.
            assert feature["geometry"]["coordinates"] == [cell_polygon(cell)]
            counts = [n for n in (props["safe"], props["unsafe"], props["total"]) if n is not None]
            counts += [reason["count"] for reason in props["reasons"]]
            assert all(n % BASE == 0 for n in counts)
            assert props["total"] >= 10  # 8 or more people, rounded
            assert set(numbers_in(props)) <= {*counts, props["resolution"], props["unsafe_share"]}
        text = body.decode()
        assert "FREETEXT" not in text
        # Compared as numbers, not substrings: "51.45" is inside a corner's "51.451234" by chance.
        corners = {
            value
            for feature in collection["features"]
            for ring in feature["geometry"]["coordinates"]
            for point in ring
            for value in point
        }
        written = {float(n) for n in re.findall(r"-?\d+\.\d+", text)} - corners
        for spec in specs:
            assert round(spec["lat"], 6) not in written
            assert round(spec["lng"], 6) not in written
        assert not re.search(r"\d\.\d{7,}", text)  # nothing finer than the corners' 6 decimals

    @property_settings
    @given(crowd=crowd_strategy, later=crowd_strategy)
    def test_a_month_re_run_is_byte_identical_and_only_public_pins_count(self, crowd, later):
        specs = self.make(crowd)
        march = {"from": "2025-03", "to": "2025-03"}
        first = self.fetch(**march)
        # Rebuilt from scratch over the same pins: the same bytes.
        Release.objects.all().delete()
        assert self.fetch(**march) == first
        # Pending, rejected, escalated and flagged pins removed: the same bytes.
        hidden = [s for s in specs if not s["public"]]
        if hidden:
            not_public = ModerationItem.objects.exclude(status="approved", flagged=False)
            Pin.objects.filter(moderation__in=not_public).delete()
            Release.objects.all().delete()
            assert self.fetch(**march) == first
        # Once released, March is frozen: later approvals, new pins and deletions change nothing.
        ModerationItem.objects.update(status="approved", flagged=False)
        self.make(later)
        Pin.objects.filter(pk__in=Pin.objects.values("pk")[:3]).delete()
        assert self.fetch(**march) == first
