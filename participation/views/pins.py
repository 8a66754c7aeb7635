"""The hub and the pin form: a plain form that works without JavaScript; the page's script turns
it into short steps with a map, a place search and "use my location"."""

from django.shortcuts import render

from participation import exercise_links
from participation.forms import PinPageForm, place_choices
from participation.models import Feeling, TimeOfDay
from participation.services import submit_pin
from places.geo import BRISTOL_BOUNDS

from .submission import SubmissionPage


def hub(request):
    return render(request, "participation/hub.html", {"page_title": "Have your say", "hub": True})


def _form_context(form, key: str) -> dict:
    return {
        "page_title": "Add a place",
        "form": form,
        "idempotency_key": key,
        "reason_groups": [
            (Feeling.UNSAFE, "Why does it feel unsafe?", form.reasons_field(Feeling.UNSAFE)),
            (Feeling.SAFE, "Why does it feel safe?", form.reasons_field(Feeling.SAFE)),
        ],
        "feelings": Feeling.choices,
        "times": [*TimeOfDay.choices, ("", "I would rather not say")],
        "place_groups": place_choices(),
        "bristol_bounds": BRISTOL_BOUNDS,
        "where_fields": [form["place"], form["lat"], form["lng"], form["location_source"]],
    }


PIN_PAGE = SubmissionPage(
    template="participation/pin_form.html", context=_form_context, submit=submit_pin, kind="pin"
)


def _exercise(request) -> dict | None:
    # A mapping exercise links here with ?exercise=<slug>: its pins are tagged with it.
    exercise = exercise_links.lookup().named(request.GET.get("exercise", "")[:80])
    return {"exercise": exercise.slug} if exercise else None


add_pin = PIN_PAGE.view(PinPageForm, initial=_exercise)
