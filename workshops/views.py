"""Joining a live workshop: /workshop/ (type the code) and /workshop/<code>/ (add pins).

No account: participants add pins exactly as on /have-your-say/pin/ (the same form, with or
without JavaScript), tagged with the workshop and its exercise. A paused workshop keeps the form
and what was chosen; a closed one says so plainly."""

from django import forms
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from participation.contributors import client_address, contributor_for, remember
from participation.forms import PinPageForm
from participation.limits import RateLimited
from participation.services import InProgress, KeyReused
from participation.views.common import idempotency_key, new_key, render_limited
from participation.views.pins import _form_context as pin_form_context
from workshops.services.workshops import (
    WorkshopClosed,
    WorkshopNotFound,
    WorkshopPaused,
    WorkshopUnavailable,
    check_taking_pins,
    find_workshop,
    submit_workshop_pin,
)

from .widgets import map_config

JOIN_TEMPLATE = "workshops/workshop_join.html"
CODE_TEMPLATE = "workshops/workshop_code.html"
CLOSED_TEMPLATE = "workshops/workshop_closed.html"


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=20,
        label="Workshop code",
        error_messages={"required": "Enter the code the person running the workshop gave you."},
    )


def enter_code(request):
    """/workshop/: a form for the code (the QR code goes straight to /workshop/<code>/)."""
    form = CodeForm(request.GET or None)
    if form.is_valid():
        try:
            return redirect("workshop:join", code=find_workshop(form.cleaned_data["code"]).code)
        except WorkshopNotFound as exc:
            form.add_error("code", exc.message)
    status = 404 if form.is_bound and form.errors else 200
    return render(request, CODE_TEMPLATE, _code_context(form), status=status)


def _code_context(form) -> dict:
    return {"page_title": "Join a workshop", "form": form}


def _context(workshop, form, key: str, **extra) -> dict:
    centre = workshop.exercise.centre()
    return {
        **pin_form_context(form, key),
        "page_title": f"Workshop: {workshop.exercise.title}",
        "workshop": workshop,
        "form_action": f"/workshop/{workshop.code}/",
        # The map starts on the area the group is mapping.
        "map_config": map_config(centre, zoom=15 if centre else None),
        **extra,
    }


def _closed(request, workshop, status: int):
    context = {"page_title": "This workshop has closed", "message": WorkshopClosed.message}
    return render(request, CLOSED_TEMPLATE, {**context, "workshop": workshop}, status=status)


@never_cache
def workshop(request, code):
    try:
        found = find_workshop(code)
    except WorkshopNotFound as exc:
        form = CodeForm({"code": code[:20]})
        form.is_valid()
        form.add_error("code", exc.message)
        return render(request, CODE_TEMPLATE, _code_context(form), status=404)
    if found.code != code:
        return redirect("workshop:join", code=found.code)
    if request.method != "POST":
        if found.is_closed:
            return _closed(request, found, status=410)
        paused = WorkshopPaused.message if not found.is_open else ""
        return render(
            request, JOIN_TEMPLATE, _context(found, PinPageForm(), new_key(), paused=paused)
        )
    return _add_pin(request, found)


def _add_pin(request, found):
    form = PinPageForm(request.POST, request.FILES)
    key = idempotency_key(request)
    try:
        check_taking_pins(found)
    except WorkshopClosed:
        return _closed(request, found, status=403)
    except WorkshopPaused as exc:
        return render(
            request, JOIN_TEMPLATE, _context(found, form, key, paused=exc.message), status=403
        )
    if not form.is_valid():
        return render(request, JOIN_TEMPLATE, _context(found, form, key), status=400)
    contributor = contributor_for(request)

    def send(key):
        return submit_workshop_pin(
            found,
            form.submission(),
            contributor=contributor.hash,
            idempotency_key=key,
            address=client_address(request),
        )

    try:
        try:
            result = send(key)
        except KeyReused:
            # Back, changed something, sent again: a new pin, not a retry of the first.
            key = new_key()
            result = send(key)
    except WorkshopClosed:
        return _closed(request, found, status=403)
    except WorkshopUnavailable as exc:
        return render(
            request, JOIN_TEMPLATE, _context(found, form, key, paused=exc.message), status=403
        )
    except RateLimited as exc:
        return render_limited(request, JOIN_TEMPLATE, _context(found, form, key), exc)
    except InProgress as exc:
        return render(
            request,
            JOIN_TEMPLATE,
            _context(found, form, key, still_sending=exc.message),
            status=409,
        )
    response = render(
        request,
        "participation/thanks.html",
        {
            "page_title": "Thank you",
            "kind": "pin",
            "result": result,
            "immediate_help": result.needs_immediate_help,
            "another_pin_url": f"/workshop/{found.code}/",
        },
        status=201 if result.created else 200,
    )
    return remember(response, contributor)
