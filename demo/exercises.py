"""Demo mapping exercises (idempotent, by slug): an open exercise around Stapleton Road and
Easton in its second round (the first, last year, can be compared with it), and a workshop-only
exercise for youth clubs in Hartcliffe and Withywood. Staff open workshops themselves."""

from datetime import timedelta

from django.utils import timezone

from workshops.models import Audience, ConcernKind, Exercise
from workshops.services.exercises import start_new_round

STAPLETON_ROAD = {
    "type": "Polygon",
    "coordinates": [
        [
            [-2.5700, 51.4560],
            [-2.5480, 51.4560],
            [-2.5480, 51.4700],
            [-2.5700, 51.4700],
            [-2.5700, 51.4560],
        ]
    ],
}


def seed(log) -> None:
    today = timezone.localdate()
    first, created = Exercise.objects.get_or_create(
        slug="stapleton-road-after-school",
        defaults={
            "title": "Stapleton Road and Easton after school",
            "prompt": "Where do you feel safe or unsafe around Stapleton Road and Easton after "
            "school and in the evening? What would make it better?",
            "area": STAPLETON_ROAD,
            "starts_on": today - timedelta(days=400),
            "ends_on": today - timedelta(days=300),
            "audience": Audience.OPEN,
            "concern_kind": ConcernKind.LOCATION,
            "concern": "Demo: a location of concern raised by the partnership",
        },
    )
    if created:
        first.places.set(first.places.model.objects.filter(slug__in=["easton", "lawrence-hill"]))
        start_new_round(first, starts_on=today - timedelta(days=14), ends_on=today + timedelta(90))
        log("an open exercise in two rounds (Stapleton Road and Easton)")
    workshop_only, created = Exercise.objects.get_or_create(
        slug="hartcliffe-youth-clubs",
        defaults={
            "title": "Hartcliffe and Withywood: mapping with youth clubs",
            "prompt": "Where do you and your friends feel safe or unsafe around here?",
            "starts_on": today - timedelta(days=7),
            "ends_on": today + timedelta(days=120),
            "audience": Audience.WORKSHOP,
            "concern_kind": ConcernKind.PEER_GROUP,
        },
    )
    if created:
        workshop_only.places.set(
            workshop_only.places.model.objects.filter(slug__in=["hartcliffe", "withywood"])
        )
        log("a workshop-only exercise (Hartcliffe and Withywood)")
