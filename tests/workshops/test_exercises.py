"""Mapping exercises: the drawn area (shapely), tagging pins made inside one, open versus
workshop-only, repeat rounds and their comparison, and staff editing in the admin."""

import json
from datetime import timedelta

import pytest

from django.utils import timezone

from moderation.models import ModerationStatus
from participation.models import Pin
from places.models import NamedPlace
from staff.roles import EDITORS, MODERATORS, PARTNERSHIP_ANALYSTS
from tests.auth import make_staff, refused, sign_in
from tests.participation.conftest import errors_of
from tests.participation.factories import ApprovedPinFactory, PinFactory, ReasonFactory
from workshops.models import Audience, Exercise, ExerciseAsks, WorkshopStatus
from workshops.services.exercises import compare_rounds, exercise_at, start_new_round

from .workshop_factories import (
    EASTON_SQUARE,
    INSIDE_EASTON,
    OUTSIDE_EASTON,
    AreaExerciseFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
ADMIN = "/admin/mapping-exercises/"


def point(lat_lng, **extra) -> dict:
    return {"feeling": "unsafe", "lat": lat_lng[0], "lng": lat_lng[1], **extra}


def pin_of(response) -> Pin:
    assert response.status_code == 201, response.content
    return Pin.objects.select_related("moderation", "exercise").get(pk=response.json()["id"])


def test_the_area_covers_its_inside_and_edge_and_not_outside():
    exercise = AreaExerciseFactory()
    assert exercise.covers(*INSIDE_EASTON)
    assert exercise.covers(51.457, -2.562)  # on the southern edge
    assert not exercise.covers(*OUTSIDE_EASTON)


# Tagging pins made inside an exercise


def test_a_pin_inside_an_open_exercise_is_tagged_with_it(post_pin):
    exercise = AreaExerciseFactory()
    inside = pin_of(post_pin(point(INSIDE_EASTON)))
    outside = pin_of(post_pin(point(OUTSIDE_EASTON)))
    assert inside.exercise == exercise
    # Moderators filter their queue on it.
    assert inside.moderation.exercise == exercise.slug
    assert outside.exercise is None and outside.moderation.exercise == ""


def test_an_exercise_has_a_centre_to_start_its_maps_on():
    easton, st_pauls = NamedPlace.objects.filter(slug__in=["easton", "st-pauls"]).order_by("slug")
    assert AreaExerciseFactory().centre() == (51.462, -2.562)
    places_only = AreaExerciseFactory(area=None, places=[easton, st_pauls])
    assert places_only.centre() == (
        (easton.lat + st_pauls.lat) / 2,
        (easton.lng + st_pauls.lng) / 2,
    )
    assert AreaExerciseFactory(area=None).centre() is None


def test_a_pin_at_or_near_a_listed_named_place_is_tagged(post_pin):
    easton = NamedPlace.objects.get(slug="easton")
    exercise = AreaExerciseFactory(area=None, places=[easton])
    at_place = pin_of(post_pin({"feeling": "safe", "place": "easton"}))
    # About 200 m from the place's point: a named place stands for an area.
    nearby = pin_of(post_pin(point((easton.lat + 0.0018, easton.lng))))
    far = pin_of(post_pin(point((easton.lat + 0.02, easton.lng))))
    assert at_place.exercise == exercise and nearby.exercise == exercise
    assert far.exercise is None


def test_only_running_exercises_tag_pins(post_pin):
    AreaExerciseFactory(starts_on=TODAY() - timedelta(days=60), ends_on=TODAY() - timedelta(days=1))
    AreaExerciseFactory(starts_on=TODAY() + timedelta(days=1), ends_on=None)
    assert pin_of(post_pin(point(INSIDE_EASTON))).exercise is None


def test_the_latest_started_of_overlapping_exercises_wins():
    AreaExerciseFactory(starts_on=TODAY() - timedelta(days=20))
    newer = AreaExerciseFactory(starts_on=TODAY() - timedelta(days=2))
    assert exercise_at(*INSIDE_EASTON) == newer


# Open to anyone, or only in workshops


def test_a_workshop_only_exercise_never_tags_a_pin_made_outside_a_workshop(post_pin):
    AreaExerciseFactory(audience=Audience.WORKSHOP)
    assert pin_of(post_pin(point(INSIDE_EASTON))).exercise is None


def test_naming_a_workshop_only_or_ended_exercise_is_refused_clearly(post_pin):
    workshop_only = AreaExerciseFactory(audience=Audience.WORKSHOP)
    ended = AreaExerciseFactory(
        starts_on=TODAY() - timedelta(days=30), ends_on=TODAY() - timedelta(days=1)
    )
    for exercise in (workshop_only, ended):
        response = post_pin(point(INSIDE_EASTON, exercise=exercise.slug))
        assert response.status_code == 400
        assert "run only in workshops" in errors_of(response)["exercise"]
    assert not Pin.objects.exists()


def test_have_your_say_lists_only_open_running_exercises(client, home_page):
    open_one = AreaExerciseFactory(title="Easton after school", places=[])
    AreaExerciseFactory(title="Workshop only one", audience=Audience.WORKSHOP)
    AreaExerciseFactory(
        title="Finished one", starts_on=TODAY() - timedelta(days=9), ends_on=TODAY() - timedelta(1)
    )
    html = client.get("/have-your-say/").content.decode()
    assert "Easton after school" in html
    assert f'href="/have-your-say/pin/?exercise={open_one.slug}"' in html
    assert "Workshop only one" not in html and "Finished one" not in html
    assert 'href="/workshop/"' in html
    # What the exercise follows is for staff only.
    open_one.concern = "Problem profile PP-2026-07"
    open_one.save()
    assert "PP-2026-07" not in client.get("/have-your-say/").content.decode()


def test_the_pin_form_carries_an_open_exercise_through(client, home_page):
    exercise = AreaExerciseFactory()
    html = client.get(f"/have-your-say/pin/?exercise={exercise.slug}").content.decode()
    assert f'name="exercise" value="{exercise.slug}"' in html


# Repeat rounds and their comparison


def test_a_new_round_repeats_the_area_and_question_and_takes_new_pins(post_pin):
    easton = NamedPlace.objects.get(slug="easton")
    first = AreaExerciseFactory(
        starts_on=TODAY() - timedelta(days=120),
        ends_on=TODAY() - timedelta(days=90),
        places=[easton],
        concern_kind="location-of-concern",
    )
    old_pin = PinFactory(position=INSIDE_EASTON, exercise=first)
    second = start_new_round(first, starts_on=TODAY() - timedelta(days=1), ends_on=None)
    third = start_new_round(second, starts_on=TODAY() + timedelta(days=90), ends_on=None)
    assert (second.round_number, third.round_number) == (2, 3)
    assert second.first_round == first and third.first_round == first
    assert second.slug == f"{first.slug}-round-2"
    assert (second.area, second.prompt, second.title) == (first.area, first.prompt, first.title)
    assert list(second.places.all()) == [easton]
    assert second.concern_kind == "location-of-concern"
    assert list(first.rounds()) == list(third.rounds()) == [first, second, third]
    assert str(second).endswith("(round 2)")
    # Today only round 2 is running: a new pin in the area belongs to it, the old one stays.
    assert pin_of(post_pin(point(INSIDE_EASTON))).exercise == second
    old_pin.refresh_from_db()
    assert old_pin.exercise == first


def test_rounds_are_compared_on_approved_pins_only():
    lighting = ReasonFactory(slug="poor-lighting-x", label="Poor lighting")
    first = AreaExerciseFactory(starts_on=TODAY() - timedelta(days=200), ends_on=None)
    second = start_new_round(first, starts_on=TODAY(), ends_on=None)
    for feeling in ("unsafe", "unsafe", "unsafe", "safe"):
        ApprovedPinFactory(
            exercise=first, feeling=feeling, reasons=[lighting] * (feeling == "unsafe")
        )
    for feeling in ("unsafe", "safe", "safe", "safe"):
        ApprovedPinFactory(exercise=second, feeling=feeling)
    PinFactory(exercise=second, feeling="unsafe")  # pending: not counted
    PinFactory(exercise=second, feeling="unsafe", moderated=ModerationStatus.REJECTED)
    comparison = compare_rounds(second)
    one, two = comparison.rounds
    assert (one.pins, one.unsafe, one.safe, one.unsafe_share) == (4, 3, 1, 75)
    assert (two.pins, two.unsafe, two.safe, two.unsafe_share) == (4, 1, 3, 25)
    assert comparison.changes == [-50]
    assert [(row.label, row.counts) for row in comparison.reasons] == [("Poor lighting", [3, 0])]


# Staff editing in the admin


def exercise_form(**changes) -> dict:
    data = {
        "title": "Stapleton Road after dark",
        "slug": "stapleton-road",
        "prompt": "Where do you feel safe or unsafe around Stapleton Road?",
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + timedelta(days=60)).isoformat(),
        "audience": Audience.OPEN,
        "asks": ExerciseAsks.FEELINGS,
        "area": json.dumps({"type": "Feature", "geometry": EASTON_SQUARE}),
        "concern_kind": "cce-problem-profile",
        "concern": "PP-2026-07",
    }
    return {**data, **changes}


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_editors_and_moderators_draw_an_exercise_in_the_admin(client, group):
    sign_in(client, make_staff(group))
    form = client.get(f"{ADMIN}new/").content.decode()
    # The map widget: a textarea of GeoJSON, a map, and our module script (no inline script).
    assert "data-area-widget" in form and "data-area-input" in form
    assert '<script src="/static/workshops/js/area-widget.js" type="module">' in form
    assert "/static/leaflet/draw/leaflet.draw.js" in form
    response = client.post(f"{ADMIN}new/", exercise_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    exercise = Exercise.objects.get(slug="stapleton-road")
    assert exercise.area == EASTON_SQUARE and exercise.concern == "PP-2026-07"
    assert exercise.covers(*INSIDE_EASTON)


def test_an_exercise_needs_an_area_or_places_and_sane_dates(client):
    sign_in(client, make_staff(EDITORS))
    response = client.post(f"{ADMIN}new/", exercise_form(area=""))
    assert (
        "Draw the area on the map, or choose at least one named place." in response.content.decode()
    )
    crossed = {
        "type": "Polygon",
        "coordinates": [
            [[-2.58, 51.45], [-2.56, 51.47], [-2.56, 51.45], [-2.58, 51.47], [-2.58, 51.45]]
        ],
    }
    response = client.post(f"{ADMIN}new/", exercise_form(area=json.dumps(crossed)))
    assert "crosses itself" in response.content.decode()
    early = (TODAY() - timedelta(days=1)).isoformat()
    response = client.post(f"{ADMIN}new/", exercise_form(ends_on=early))
    assert "The end date is before the start date." in response.content.decode()
    assert not Exercise.objects.exists()


def test_a_new_round_and_the_comparison_in_the_admin(client):
    first = AreaExerciseFactory(title="Easton after school")
    ApprovedPinFactory(exercise=first)
    sign_in(client, make_staff(EDITORS))
    edit = client.get(f"{ADMIN}edit/{first.pk}/").content.decode()
    assert f"{ADMIN}new-round/{first.pk}/" in edit and f"{ADMIN}compare/{first.pk}/" in edit
    assert client.get(f"{ADMIN}new-round/{first.pk}/").status_code == 200
    bad = client.post(
        f"{ADMIN}new-round/{first.pk}/", {"starts_on": "2027-05-01", "ends_on": "2027-04-01"}
    )
    assert bad.status_code == 400
    response = client.post(
        f"{ADMIN}new-round/{first.pk}/", {"starts_on": "2027-05-01", "ends_on": ""}
    )
    second = Exercise.objects.get(round_number=2)
    assert response.status_code == 302 and response["Location"] == f"{ADMIN}edit/{second.pk}/"
    compare = client.get(f"{ADMIN}compare/{second.pk}/")
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Round 1" in html and "Round 2" in html and "data-compare-rounds" in html


def test_analysts_cannot_edit_exercises(client):
    exercise = AreaExerciseFactory()
    sign_in(client, make_staff(PARTNERSHIP_ANALYSTS))
    for url in (f"{ADMIN}new/", f"{ADMIN}new-round/{exercise.pk}/"):
        assert refused(client.get(url)), url


# Exercises that ask for good places too (their suggestions: tests/coproduction)

SUGGEST = "/have-your-say/suggest-a-place/"


def test_an_editor_sets_an_exercise_to_ask_for_good_places_and_a_new_round_keeps_it(client):
    sign_in(client, make_staff(EDITORS))
    form = client.get(f"{ADMIN}new/").content.decode()
    assert 'value="feelings-and-good-places"' in form and "places that are good for young" in form
    response = client.post(f"{ADMIN}new/", exercise_form(asks=ExerciseAsks.GOOD_PLACES))
    assert response.status_code == 302, response.content.decode()[:2000]
    exercise = Exercise.objects.get(slug="stapleton-road")
    assert exercise.asks_for_good_places
    later = start_new_round(exercise, starts_on=TODAY(), ends_on=None)
    assert later.asks == ExerciseAsks.GOOD_PLACES
    refused = client.post(f"{ADMIN}new/", exercise_form(slug="x", asks="gossip"))
    assert "Select a valid choice" in refused.content.decode()
    assert not Exercise.objects.filter(slug="x").exists()


def test_an_exercise_is_made_asking_about_safe_and_unsafe_places_only_by_default():
    assert not AreaExerciseFactory().asks_for_good_places


def test_have_your_say_offers_suggesting_a_good_place_only_for_exercises_asking(client, home_page):
    asking = AreaExerciseFactory(asks=ExerciseAsks.GOOD_PLACES)
    feelings = AreaExerciseFactory()
    html = client.get("/have-your-say/").content.decode()
    assert f'href="{SUGGEST}?exercise={asking.slug}">Suggest a good place for young people' in html
    assert f"{SUGGEST}?exercise={feelings.slug}" not in html
    assert html.count('data-exercise-link="good_places"') == 1


def test_a_workshop_page_offers_suggesting_a_good_place_by_its_code_while_open(client, home_page):
    workshop = WorkshopFactory(exercise__asks=ExerciseAsks.GOOD_PLACES)
    html = client.get(f"/workshop/{workshop.code}/").content.decode()
    # By the workshop's code, never the slug: a workshop-only exercise is reached only that way.
    assert f'href="{SUGGEST}?workshop={workshop.code}"' in html
    assert workshop.exercise.slug not in html.split("<form")[0]
    workshop.status = WorkshopStatus.PAUSED
    workshop.save()
    assert SUGGEST not in client.get(f"/workshop/{workshop.code}/").content.decode()
    feelings = WorkshopFactory()
    assert SUGGEST not in client.get(f"/workshop/{feelings.code}/").content.decode()
