"""Demo pins for the community map: synthetic, approved, clearly marked (`is_demo=True`).

Several hundred made-up contributors each pin a few places around where they "live" over the last
six released months, with feelings, times and reasons that vary by place, so a fresh `make run`
shows a real-looking map. Deterministic (seeded), idempotent, and removed with
`manage.py remove_demo_pins`."""

import datetime as dt
import hashlib
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from mapping.models import Release
from mapping.selection import (
    last_released_month,
    month_start,
    months_back,
    next_month,
    previous_month,
)
from moderation.models import ModerationItem, ModerationStatus
from participation.models import Pin, Reason
from places.geo import cell_centre, cells_for
from places.models import NamedPlace
from workshops.models import Exercise

CONTRIBUTORS = 420
MONTHS = 6
# Place slug, how many people count it as "theirs", and how unsafe it feels by time of day
# (morning, school hours, after school, evening, night).
HOTSPOTS = [
    ("bearpit", 5, (0.4, 0.4, 0.6, 0.85, 0.95)),
    ("stapleton-road", 5, (0.3, 0.3, 0.55, 0.8, 0.9)),
    ("broadmead", 5, (0.1, 0.1, 0.45, 0.6, 0.8)),
    ("cabot-circus", 4, (0.05, 0.05, 0.2, 0.35, 0.6)),
    ("castle-park", 4, (0.1, 0.15, 0.35, 0.7, 0.9)),
    ("temple-meads", 3, (0.2, 0.2, 0.4, 0.65, 0.85)),
    ("bus-station", 4, (0.2, 0.2, 0.55, 0.75, 0.85)),
    ("harbourside", 3, (0.05, 0.05, 0.1, 0.3, 0.5)),
    ("st-andrews-park", 3, (0.05, 0.05, 0.1, 0.4, 0.7)),
    ("eastville-park", 3, (0.05, 0.1, 0.2, 0.6, 0.85)),
    ("gloucester-road", 3, (0.05, 0.05, 0.1, 0.2, 0.4)),
    ("easton", 4, (0.2, 0.2, 0.4, 0.6, 0.75)),
    ("filwood-broadway", 3, (0.3, 0.3, 0.6, 0.8, 0.9)),
    ("hengrove-park", 2, (0.1, 0.1, 0.3, 0.6, 0.8)),
    ("victoria-park", 2, (0.05, 0.05, 0.15, 0.45, 0.7)),
    ("east-street", 3, (0.15, 0.15, 0.4, 0.6, 0.75)),
    ("fishponds-road", 2, (0.1, 0.1, 0.3, 0.5, 0.7)),
    ("lawrence-hill-station", 2, (0.3, 0.3, 0.5, 0.75, 0.9)),
    ("southmead", 2, (0.15, 0.15, 0.4, 0.6, 0.8)),
    ("lockleaze", 1, (0.15, 0.15, 0.4, 0.6, 0.8)),
    ("hartcliffe", 1, (0.2, 0.2, 0.4, 0.65, 0.8)),
    ("shirehampton", 1, (0.1, 0.1, 0.2, 0.4, 0.6)),
]
CENTRAL = ["bearpit", "broadmead", "cabot-circus", "castle-park", "bus-station", "harbourside"]
TIMES = ["morning", "school-hours", "after-school", "evening", "night"]
TIME_WEIGHTS = [1, 1, 4, 4, 2]


def demo_contributor(n: int) -> str:
    return hashlib.sha256(f"safer-places-demo-map-contributor-{n}".encode()).hexdigest()


def demo_months() -> list[str]:
    months = [last_released_month()]
    while len(months) < MONTHS:
        months.insert(0, previous_month(months[0]))
    return months


def jitter(rng: random.Random, lat: float, lng: float) -> tuple[float, float]:
    # Within about 250 m of the place: mostly one resolution-8 cell, sometimes its neighbour.
    return lat + rng.gauss(0, 0.0012), lng + rng.gauss(0, 0.0018)


def runs_in(exercise: Exercise, month: str) -> bool:
    first = month_start(month)
    last = month_start(next_month(month)) - dt.timedelta(days=1)
    return exercise.starts_on <= last and (exercise.ends_on is None or exercise.ends_on >= first)


def exercise_index(exercises, months, places) -> dict[tuple[str, str], Exercise]:
    """Which exercise a pin at a hotspot in a month answers: one running then, covering it."""
    index = {}
    for exercise in exercises:
        covered = [slug for slug, position in places.items() if exercise.covers(*position)]
        for month in months:
            if runs_in(exercise, month):
                for slug in covered:
                    index.setdefault((month, slug), exercise)
    return index


def exercise_months(exercises) -> list[str]:
    """Released months, within the last two years, when an exercise ran (its earlier rounds)."""
    last = last_released_month()
    months = set()
    for exercise in exercises:
        month = f"{exercise.starts_on:%Y-%m}"
        while month <= last and runs_in(exercise, month):
            if month >= months_back(last, 24):
                months.add(month)
            month = next_month(month)
    return sorted(months - set(demo_months()))


def plan(rng: random.Random, places, reasons, exercises) -> list[dict]:
    """Every demo pin as a dict, decided up front by a seeded random generator. Contributors pin
    around their "home" hotspot and the city centre over the last six released months; in the
    months of an exercise's earlier rounds, those living in its area answer it."""
    hotspots = [h for h in HOTSPOTS if h[0] in places]
    homes = rng.choices(hotspots, weights=[h[1] for h in hotspots], k=CONTRIBUTORS)
    by_slug = {h[0]: h for h in hotspots}
    central = [by_slug[s] for s in CENTRAL if s in by_slug]
    main, extra = demo_months(), exercise_months(exercises)
    answering = exercise_index(exercises, main + extra, places)
    pins = []
    for n, home in enumerate(homes):
        for month in sorted(main + extra):
            in_exercise_round = month in extra
            if in_exercise_round and (month, home[0]) not in answering:
                continue
            if rng.random() >= 0.6:
                continue
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                away = central and not in_exercise_round and rng.random() < 0.3
                slug, _, unsafe_by_time = rng.choice(central) if away else home
                time_index = rng.choices(range(len(TIMES)), weights=TIME_WEIGHTS)[0]
                feeling = "unsafe" if rng.random() < unsafe_by_time[time_index] else "safe"
                choices = reasons.get(feeling, [])
                exercise = answering.get((month, slug))
                pins.append(
                    {
                        "contributor": demo_contributor(n),
                        "position": jitter(rng, *places[slug]),
                        "month": month,
                        "day": rng.randint(1, 28),
                        "when": TIMES[time_index],
                        "feeling": feeling,
                        "reasons": rng.sample(choices, k=min(len(choices), rng.choice([1, 1, 2]))),
                        "exercise": exercise if exercise and rng.random() < 0.8 else None,
                    }
                )
    return pins


def demo_pins():
    return Pin.objects.filter(is_demo=True)


@transaction.atomic
def seed(log) -> None:
    contributors = [demo_contributor(n) for n in range(CONTRIBUTORS)]
    if demo_pins().filter(contributor__in=contributors[:20]).exists():
        log("Community map: demo pins already there")
        return
    places = {
        p.slug: p.position for p in NamedPlace.objects.filter(slug__in=[h[0] for h in HOTSPOTS])
    }
    reasons: dict[str, list[Reason]] = {}
    for reason in Reason.objects.filter(active=True):
        reasons.setdefault(reason.feeling, []).append(reason)
    exercises = list(Exercise.objects.order_by("starts_on", "slug").prefetch_related("places"))
    planned = plan(random.Random(20250301), places, reasons, exercises)
    if not planned:
        log("Community map: no gazetteer places to pin around")
        return
    pin_type = ContentType.objects.get_for_model(Pin)
    items, pins, links = [], [], []
    for spec in planned:
        pin_id = uuid.uuid4()
        start = month_start(spec["month"])
        when = timezone.make_aware(dt.datetime(start.year, start.month, spec["day"], 17))
        item = ModerationItem(
            content_type=pin_type,
            object_id=str(pin_id),
            kind="pin",
            status=ModerationStatus.APPROVED,
            exercise=spec["exercise"].slug if spec["exercise"] else "",
            decided_at=when + dt.timedelta(days=1),
        )
        cells = cells_for(*spec["position"])
        # Approved pins keep only their resolution-9 cell centre, as real ones do.
        lat, lng = cell_centre(cells["h3_r9"])
        pin = Pin(
            id=pin_id,
            feeling=spec["feeling"],
            when=spec["when"],
            location_source="map",
            lat=lat,
            lng=lng,
            **cells,
            exercise=spec["exercise"],
            contributor=spec["contributor"],
            moderation=item,
            period=spec["month"],
            is_demo=True,
        )
        items.append((item, when))
        pins.append((pin, when))
        links += [Pin.reasons.through(pin_id=pin_id, reason_id=r.pk) for r in spec["reasons"]]
    ModerationItem.objects.bulk_create([item for item, _ in items], batch_size=500)
    Pin.objects.bulk_create([pin for pin, _ in pins], batch_size=500)
    Pin.reasons.through.objects.bulk_create(links, batch_size=1000)
    # Backdated to their months (auto_now_add stamps "now" on create).
    for objects in (items, pins):
        for obj, when in objects:
            obj.created_at = when
        type(objects[0][0]).objects.bulk_update(
            [o for o, _ in objects], ["created_at"], batch_size=500
        )
    months = sorted({spec["month"] for spec in planned})
    log(
        f"Community map: {len(pins)} approved demo pins from {CONTRIBUTORS} made-up contributors, "
        f"{len(months)} months from {months[0]} to {months[-1]}"
    )


@transaction.atomic
def remove_demo_pins() -> dict[str, int]:
    """Every demo pin, its moderation item, and every release that counted demo pins."""
    pins = demo_pins()
    item_ids = list(pins.exclude(moderation=None).values_list("moderation_id", flat=True))
    removed = {"pins": pins.count(), "releases": Release.objects.filter(includes_demo=True).count()}
    pins.delete()
    for start in range(0, len(item_ids), 5000):
        ModerationItem.objects.filter(pk__in=item_ids[start : start + 5000]).delete()
    Release.objects.filter(includes_demo=True).delete()
    return removed
