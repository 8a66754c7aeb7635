"""What the participation pages share."""

import uuid

from django.shortcuts import render

from participation.limits import RateLimited
from participation.services import parse_key
from participation.services.idempotency import IdempotencyError


def idempotency_key(request) -> str:
    """The submission's key: the header the page's script sends, or the form's hidden field.
    A form posted without either (a hand-made request) gets a key of its own."""
    for value in (request.headers.get("Idempotency-Key"), request.POST.get("idempotency_key")):
        try:
            return parse_key(value)
        except IdempotencyError:
            continue
    return str(uuid.uuid4())


def new_key() -> str:
    return str(uuid.uuid4())


BUSY_TEXT = "We are very busy: your answers were not saved yet. Press Send again in a few seconds."
BUSY_ACTION_TEXT = "We are very busy: nothing was changed yet. Try again in a few seconds."


def render_busy(request, template: str, context: dict, *, message: str = BUSY_TEXT):
    """The database could not take the write in time: nothing was saved, the form is kept."""
    response = render(request, template, {**context, "still_sending": message}, status=503)
    response["Retry-After"] = "5"
    return response


def render_busy_action(request, *, back: str):
    """The same for a button with nothing typed (supporting an idea): a page to go back from."""
    context = {"page_title": "Please wait", "message": BUSY_ACTION_TEXT, "back": back}
    response = render(request, "participation/limited.html", context, status=503)
    response["Retry-After"] = "5"
    return response


def render_limited(request, template: str, context: dict, exc: RateLimited):
    context = {**context, "rate_limited": exc.message}
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response
