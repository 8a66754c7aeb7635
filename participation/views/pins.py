"""The hub and the pin form: a plain form that works without JavaScript; the page's script turns
it into short steps with a map, a place search and "use my location"."""

from django.db import OperationalError
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from participation import exercise_links
from participation.contributors import client_address, contributor_for, remember
from participation.forms import PinPageForm, place_choices
from participation.limits import RateLimited
from participation.models import Feeling, TimeOfDay
from participation.services import InProgress, KeyReused, submit_pin
from participation.services.writes import is_busy
from places.geo import BRISTOL_BOUNDS

from .common import idempotency_key, new_key, render_busy, render_limited

PIN_TEMPLATE = "participation/pin_form.html"


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


@never_cache
def add_pin(request):
    if request.method != "POST":
        # A mapping exercise links here with ?exercise=<slug>: its pins are tagged with it.
        exercise = exercise_links.lookup().named(request.GET.get("exercise", "")[:80])
        form = PinPageForm(initial={"exercise": exercise.slug} if exercise else None)
        return render(request, PIN_TEMPLATE, _form_context(form, new_key()))
    form = PinPageForm(request.POST, request.FILES)
    key = idempotency_key(request)
    if not form.is_valid():
        return render(request, PIN_TEMPLATE, _form_context(form, key), status=400)
    contributor = contributor_for(request)
    submission = form.submission()
    try:
        try:
            result = submit_pin(
                submission,
                contributor=contributor.hash,
                idempotency_key=key,
                address=client_address(request),
            )
        except KeyReused:
            # Back, changed something, sent again: a new pin, not a retry of the first.
            key = new_key()
            result = submit_pin(
                submission,
                contributor=contributor.hash,
                idempotency_key=key,
                address=client_address(request),
            )
    except RateLimited as exc:
        return render_limited(request, PIN_TEMPLATE, _form_context(form, key), exc)
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        return render_busy(request, PIN_TEMPLATE, _form_context(form, key))
    except InProgress as exc:
        context = {**_form_context(form, key), "still_sending": exc.message}
        return render(request, PIN_TEMPLATE, context, status=409)
    response = render(
        request,
        "participation/thanks.html",
        {
            "page_title": "Thank you",
            "kind": "pin",
            "result": result,
            "immediate_help": result.needs_immediate_help,
        },
        status=201 if result.created else 200,
    )
    return remember(response, contributor)
