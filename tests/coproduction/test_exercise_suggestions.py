"""Asset-mapping exercises: an exercise asking for good places offers the suggestion form (its card
and its live workshops' pages, without JavaScript), the suggestion carries the exercise through
moderation (the queue row, the review), the exercise's results screen lists what came, and an
approved one becomes a draft listing for the Directory managers as any suggestion does."""

import re
from datetime import timedelta

import pytest

from django.utils import timezone

from coproduction.models import Suggestion
from moderation.services import approve, reject
from staff.roles import EDITORS, MODERATORS
from tests.auth import make_staff, sign_in
from tests.workshops.workshop_factories import AreaExerciseFactory, WorkshopFactory
from workshops.models import Audience, ExerciseAsks, WorkshopStatus
from workshops.services.exercises import start_new_round

from .factories import suggestion
from .test_suggestions import FORM, receipt_of

pytestmark = pytest.mark.django_db

SUGGEST = "/have-your-say/suggest-a-place/"
NOT_ASKING = "That mapping exercise is not asking for places now"


def asking(**fields):
    return AreaExerciseFactory(asks=ExerciseAsks.GOOD_PLACES, **fields)


def test_the_exercise_link_tags_the_suggestion_and_moderation_sees_the_exercise(client):
    exercise = asking(title="Easton after school")
    page = client.get(SUGGEST, {"exercise": exercise.slug}).content.decode()
    assert f'data-asked-by="{exercise.slug}"' in page and "Easton after school" in page
    assert f'<input type="hidden" name="exercise" value="{exercise.slug}">' in page
    assert "<script" not in page.split("<form")[1]
    response = client.post(SUGGEST, {**FORM, "exercise": exercise.slug})
    assert response.status_code == 201 and receipt_of(response)
    made = Suggestion.objects.select_related("moderation").get()
    assert made.exercise == exercise and made.moderation.exercise == exercise.slug
    # The queue row names the exercise (and filters by it), as for pins.
    moderator = make_staff(MODERATORS)
    sign_in(client, moderator)
    queue = client.get("/admin/moderation/queue/").content.decode()
    assert exercise.slug in queue
    filtered = client.get("/admin/moderation/queue/", {"exercise": exercise.slug})
    assert str(made.moderation_id) in filtered.content.decode()
    review = client.get(f"/admin/moderation/queue/{made.moderation_id}/").content.decode()
    assert "Mapping exercise" in review and "Easton after school" in review


def test_a_suggestion_without_an_exercise_carries_none():
    made = suggestion()
    assert made.exercise is None and made.moderation.exercise == ""


@pytest.mark.parametrize(
    "exercise",
    [
        lambda: AreaExerciseFactory(),  # asks about safe and unsafe places only
        lambda: asking(audience=Audience.WORKSHOP),  # reached only through its workshop's code
        lambda: asking(
            starts_on=timezone.localdate() - timedelta(days=9),
            ends_on=timezone.localdate() - timedelta(days=1),
        ),
    ],
    ids=["not-asking", "workshop-only", "ended"],
)
def test_an_exercise_not_asking_here_is_left_off_the_page_and_refused_when_sent(client, exercise):
    slug = exercise().slug
    page = client.get(SUGGEST, {"exercise": slug}).content.decode()
    assert "data-asked-by" not in page and 'name="exercise"' not in page
    response = client.post(SUGGEST, {**FORM, "exercise": slug})
    assert response.status_code == 400
    assert NOT_ASKING in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_workshop_code_tags_the_suggestion_with_its_workshop_only_exercise(client):
    workshop = WorkshopFactory(exercise__asks=ExerciseAsks.GOOD_PLACES)
    page = client.get(SUGGEST, {"workshop": workshop.code}).content.decode()
    assert f'<input type="hidden" name="workshop" value="{workshop.code}">' in page
    assert 'name="exercise"' not in page
    response = client.post(SUGGEST, {**FORM, "workshop": workshop.code})
    assert response.status_code == 201
    assert Suggestion.objects.get().exercise == workshop.exercise


def test_a_paused_workshop_or_a_wrong_code_is_refused_and_nothing_saved(client):
    workshop = WorkshopFactory(
        exercise__asks=ExerciseAsks.GOOD_PLACES, status=WorkshopStatus.PAUSED
    )
    paused = client.post(SUGGEST, {**FORM, "workshop": workshop.code})
    assert paused.status_code == 400 and NOT_ASKING in paused.content.decode()
    wrong = client.post(SUGGEST, {**FORM, "workshop": "AAAAAA"})
    assert wrong.status_code == 400
    assert "We could not find a workshop with that code" in wrong.content.decode()
    assert not Suggestion.objects.exists()


def test_the_hidden_code_is_no_way_round_the_limit_on_guessing_codes(client, settings):
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "workshop-code-address": (2, 600),
    }
    workshop = WorkshopFactory(exercise__asks=ExerciseAsks.GOOD_PLACES)
    for code in ("AAAAAA", "BBBBBB"):
        client.post(SUGGEST, {**FORM, "workshop": code})
    # Guessing with the hidden field counts against the address as on /workshop/ itself.
    assert client.get(f"/workshop/{workshop.code}/").status_code == 429
    refused = client.post(SUGGEST, {**FORM, "workshop": workshop.code})
    assert refused.status_code == 400 and not Suggestion.objects.exists()


def test_an_approved_suggestion_from_an_exercise_becomes_a_draft_listing_as_any_does():
    made = suggestion(exercise=asking())
    approve(made.moderation_id, make_staff(MODERATORS), no_sign_of_harm=True)
    made.refresh_from_db()
    assert made.draft is not None and made.exercise is not None
    assert made.draft.suggested_by_young_people and not made.draft.live
    assert made.draft.name == "Friday boxing club"


def test_the_results_screen_lists_every_rounds_suggestions_words_only_once_approved(client):
    first = asking(title="Easton after school")
    second = start_new_round(first, starts_on=timezone.localdate(), ends_on=None)
    approved = suggestion(exercise=first, name="Friday boxing club")
    approve(approved.moderation_id, make_staff(MODERATORS), no_sign_of_harm=True)
    pending = suggestion(exercise=second, name="Skate park by the river")
    rejected = suggestion(exercise=second, name="Somewhere else")
    reject(rejected.moderation_id, make_staff(MODERATORS), reason="off-topic")
    suggestion(name="Not from this exercise")
    sign_in(client, make_staff(EDITORS))
    html = client.get(f"/admin/mapping-exercises/compare/{second.pk}/").content.decode()
    assert "data-compare-rounds" in html and "Good places suggested" in html
    rows = re.findall(r'<tr data-suggestion="([^"]+)">(.*?)</tr>', html, re.S)
    assert {pk for pk, _ in rows} == {str(approved.pk), str(pending.pk), str(rejected.pk)}
    by_pk = dict(rows)
    assert "Round 1" in by_pk[str(approved.pk)] and "Draft: Friday boxing club" in html
    assert "Round 2" in by_pk[str(pending.pk)]
    assert "Waiting for moderation" in by_pk[str(pending.pk)]
    assert "Rejected" in by_pk[str(rejected.pk)]
    # Words nobody has approved are not shown to staff outside moderation.
    assert "Skate park" not in html and "Somewhere else" not in html
    assert "Not from this exercise" not in html


def test_the_results_screen_of_an_exercise_not_asking_has_no_suggestions_section(client):
    exercise = AreaExerciseFactory()
    sign_in(client, make_staff(EDITORS))
    html = client.get(f"/admin/mapping-exercises/compare/{exercise.pk}/").content.decode()
    assert "data-compare-rounds" in html and "Good places suggested" not in html


def test_a_suggestion_sent_from_a_live_workshop_is_due_as_soon_as_the_workshops_pins(
    client, settings
):
    settings.MODERATION_DUE_HOURS, settings.MODERATION_WORKSHOP_DUE_HOURS = 24, 2
    workshop = WorkshopFactory(exercise__asks=ExerciseAsks.GOOD_PLACES)
    before = timezone.now()
    assert client.post(SUGGEST, {**FORM, "workshop": workshop.code}).status_code == 201
    made = Suggestion.objects.select_related("moderation").get()
    assert made.workshop == workshop.code and made.moderation.workshop == workshop.code
    due = made.moderation.due_at - before
    assert timedelta(hours=2) <= due < timedelta(hours=2, minutes=5)


def test_a_suggestion_from_an_exercise_page_keeps_the_ordinary_due_time(client, settings):
    settings.MODERATION_DUE_HOURS, settings.MODERATION_WORKSHOP_DUE_HOURS = 24, 2
    exercise = asking()
    before = timezone.now()
    assert client.post(SUGGEST, {**FORM, "exercise": exercise.slug}).status_code == 201
    made = Suggestion.objects.select_related("moderation").get()
    assert made.workshop == "" and made.moderation.workshop == ""
    assert made.moderation.due_at - before >= timedelta(hours=24)
