"""The one form-post flow of every submission page (a pin, an idea, a pin in a live workshop).

A page describes itself (its template, its context, the service that takes the submission); the
flow is the same for all: the form validated (the bot check is part of it) and shown again with
its errors, the submission sent once per idempotency key, a changed submission under a used key
sent as a new one, a rate limit (429), a duplicate still in progress (409) and a database too busy
to take the write or no photo decode slot free in time (503) each answered with the form and everything typed in it kept, and a thank
you page with the receipt at the end."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from participation import limits
from participation.contributors import client_address, contributor_for, remember
from participation.limits import RateLimited
from participation.photos import PhotoBusy
from participation.services import InProgress, KeyReused, Submitted
from participation.services.writes import is_busy

from .common import idempotency_key, new_key, render_busy, render_limited

THANKS_TEMPLATE = "participation/thanks.html"


def form_context(page_title: str, **lists) -> Callable[..., dict]:
    """A plain form page's `context`: its title, the form, its key and its choice lists; a list
    given as a callable (places, read from the database) is made again for each page."""

    def context(form, key: str) -> dict:
        made = {name: made() if callable(made) else made for name, made in lists.items()}
        return {"page_title": page_title, "form": form, "idempotency_key": key, **made}

    return context


@dataclass(frozen=True)
class SubmissionPage:
    """`context(form, key)` is the page's template context; `submit(submission, *,
    contributor, idempotency_key, address)` the service; `kind` ("pin", "proposal") what the
    thank-you page says was sent, `thanks` what else it shows. `refused` are the service's own
    refusals (a paused workshop), each answered by `on_refused(request, exc, form, key)`; `check`
    raises them before the form is looked at, so that a form nobody could send now is not
    marked wrong."""

    template: str
    context: Callable[..., dict]
    submit: Callable[..., Submitted]
    kind: str
    thanks: dict = field(default_factory=dict)
    refused: tuple[type[Exception], ...] = ()
    on_refused: Callable[..., HttpResponse] | None = None
    check: Callable[[], None] = lambda: None

    def view(self, form_class, initial: Callable[..., dict | None] = lambda request: None):
        """The page as a view, never cached (each visitor has their own idempotency key): the
        empty form, prefilled by `initial(request)`, or a sent one through `post`."""

        @never_cache
        def page(request):
            if request.method == "POST":
                return self.post(request, form_class(request.POST, request.FILES))
            return self.render(request, form_class(initial=initial(request)), new_key())

        return page

    def render(self, request, form, key: str, *, status: int = 200, **extra) -> HttpResponse:
        context = {**self.context(form, key), **extra}
        return render(request, self.template, context, status=status)

    def refusal(self, request, form, key: str) -> HttpResponse | None:
        """The form with its errors (400), or the busy page when no photo decode slot came free
        in time (503: nothing decoded, nothing saved); None for a valid form."""
        try:
            if form.is_valid():
                return None
        except PhotoBusy as exc:
            response = render_busy(
                request, self.template, self.context(form, key), message=exc.message
            )
            response["Retry-After"] = str(exc.retry_after)
            return response
        return self.render(request, form, key, status=400)

    def post(self, request, form) -> HttpResponse:
        key = idempotency_key(request)
        try:
            self.check()
        except self.refused as exc:
            return self.on_refused(request, exc, form, key)
        refusal = self.refusal(request, form, key)
        if refusal is not None:
            return refusal
        contributor = contributor_for(request)
        submission = form.submission()
        address = client_address(request)

        def send(key: str) -> Submitted:
            limits.check_new_contributor(contributor.is_new, address)
            return self.submit(
                submission, contributor=contributor.hash, idempotency_key=key, address=address
            )

        try:
            try:
                result = send(key)
            except KeyReused:
                # Back, changed something, sent again: a new contribution, not a retry.
                key = new_key()
                result = send(key)
        except RateLimited as exc:
            return render_limited(request, self.template, self.context(form, key), exc)
        except OperationalError as exc:
            if not is_busy(exc):
                raise
            return render_busy(request, self.template, self.context(form, key))
        except InProgress as exc:
            return self.render(request, form, key, status=409, still_sending=exc.message)
        except self.refused as exc:
            return self.on_refused(request, exc, form, key)
        response = render(
            request,
            THANKS_TEMPLATE,
            {
                "page_title": "Thank you",
                "kind": self.kind,
                "result": result,
                "immediate_help": result.needs_immediate_help,
                **self.thanks,
            },
            status=201 if result.created else 200,
        )
        return remember(response, contributor)
