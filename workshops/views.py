"""Joining a live workshop: /workshop/ (type the code) and /workshop/<code>/ (add pins).

No account: participants add pins exactly as on /have-your-say/pin/ (the same form, with or
without JavaScript), tagged with the workshop and its exercise. A paused workshop keeps the form
and what was chosen; a closed one says so plainly."""

from functools import partial

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from participation.contributors import client_address
from participation.forms import PinPageForm
from participation.limits import RateLimited
from participation.views.common import new_key
from participation.views.pins import _form_context as pin_form_context
from participation.views.submission import SubmissionPage
from places.maps import map_config
from workshops.services.workshops import (
    WorkshopClosed,
    WorkshopNotFound,
    WorkshopPaused,
    WorkshopUnavailable,
    check_taking_pins,
    find_workshop,
    submit_workshop_pin,
)

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
        code = form.cleaned_data["code"]
        try:
            return redirect(
                "workshop:join", code=find_workshop(code, address=client_address(request)).code
            )
        except WorkshopNotFound as exc:
            form.add_error("code", exc.message)
        except RateLimited as exc:
            return _guessing(request, form, exc)
    status = 404 if form.is_bound and form.errors else 200
    return render(request, CODE_TEMPLATE, _code_context(form), status=status)


def _guessing(request, form, exc: RateLimited):
    """Too many codes that name no workshop from this address: 429, and when to try again."""
    form.add_error("code", exc.message)
    response = render(request, CODE_TEMPLATE, _code_context(form), status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _code_context(form) -> dict:
    return {"page_title": "Join a workshop", "form": form}


def _context(workshop, form, key: str, **extra) -> dict:
    centre = workshop.exercise.centre()
    return {
        **pin_form_context(form, key),
        "page_title": f"Workshop: {workshop.exercise.title}",
        "workshop": workshop,
        "form_action": reverse("workshop:join", args=[workshop.code]),
        # The map starts on the area the group is mapping.
        "map_config": map_config(centre, zoom=15 if centre else None),
        **extra,
    }


def _closed(request, workshop, status: int):
    context = {"page_title": "This workshop has closed", "message": WorkshopClosed.message}
    return render(request, CLOSED_TEMPLATE, {**context, "workshop": workshop}, status=status)


@never_cache
def workshop(request, code):
    form = CodeForm({"code": code[:20]})
    form.is_valid()
    try:
        found = find_workshop(code, address=client_address(request))
    except WorkshopNotFound as exc:
        form.add_error("code", exc.message)
        return render(request, CODE_TEMPLATE, _code_context(form), status=404)
    except RateLimited as exc:
        return _guessing(request, form, exc)
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
    page = SubmissionPage(
        template=JOIN_TEMPLATE,
        context=lambda form, key: _context(found, form, key),
        submit=partial(submit_workshop_pin, found),
        kind="pin",
        thanks={"another_pin_url": reverse("workshop:join", args=[found.code])},
        check=partial(check_taking_pins, found),
        refused=(WorkshopUnavailable,),
        on_refused=partial(_refused, found),
    )
    return page.post(request, PinPageForm(request.POST, request.FILES))


def _refused(found, request, exc, form, key):
    """Not taking pins (HTTP 403): a closed workshop says so, a paused one keeps the form."""
    if isinstance(exc, WorkshopClosed):
        return _closed(request, found, status=403)
    return render(
        request, JOIN_TEMPLATE, _context(found, form, key, paused=exc.message), status=403
    )
