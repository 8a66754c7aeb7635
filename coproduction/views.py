"""/have-your-say/suggest-a-place/ and a young person's view of a service: plain forms that work
without JavaScript, sent through participation's one submission flow
(participation/views/submission.py)."""

from functools import partial

from django.shortcuts import get_object_or_404

from participation.contributors import client_address
from participation.forms import place_choices
from participation.services import ReceiptNotFound
from participation.views.submission import SubmissionPage, form_context
from services_directory.models import Service

from . import stand_outs
from .forms import NotAsking, ServiceViewForm, SuggestionForm, exercise_asking
from .models import Recommend, ServiceView, SuggestionKind, SuggestionWho
from .services import submit_suggestion
from .youth_views import NotAViewOfThis, submit_view

_suggestion_context = form_context(
    "Suggest a place or activity",
    kinds=SuggestionKind.choices,
    whos=SuggestionWho.choices,
    place_groups=place_choices,
)

SUGGESTION_PAGE = SubmissionPage(
    template="coproduction/suggestion_form.html",
    context=lambda form, key: {**_suggestion_context(form, key), "asked_by": form.asked_by()},
    submit=submit_suggestion,
    kind="suggestion",
    thanks={
        "thanks_title": "your suggestion has been sent",
        "thanks_text": "Once it is checked, the directory team looks into it and may add it to "
        "the directory of places and services.",
    },
)


def _asked_by(request) -> dict | None:
    """A mapping exercise asking for good places links here with ?exercise=<slug>, or its live
    workshop with ?workshop=<code>: the form carries it (hidden). One that is not asking now is
    left out: the page is the plain one."""
    slug, code = request.GET.get("exercise", "")[:80], request.GET.get("workshop", "")[:20]
    try:
        exercise = exercise_asking(slug, code, address=client_address(request))
    except NotAsking:
        return None
    if exercise is None:
        return None
    return {"exercise": "" if code else slug, "workshop": code, "asked_by": exercise}


def suggest(request):
    form = partial(SuggestionForm, address=client_address(request))
    return SUGGESTION_PAGE.view(form, initial=_asked_by)(request)


def _view_page(service) -> SubmissionPage:
    def context(form, key: str) -> dict:
        return {
            "page_title": f"Your view of {service.name}",
            "service": service,
            "form": form,
            "idempotency_key": key,
            "stand_outs": stand_outs.active(),
            "recommend_choices": Recommend.choices,
        }

    def refused(request, exc, form, key):
        # The receipt code leads to no view of this service: the form again, saying so.
        form.add_error("receipt_code", exc.message)
        return page.render(request, form, key, status=404)

    page = SubmissionPage(
        template="coproduction/service_view_form.html",
        context=context,
        submit=submit_view,
        kind=ServiceView.moderation_kind,
        thanks={
            "thanks_title": "your view has been sent",
            "thanks_text": f"It counts towards young people's view of {service.name}, which the "
            "page shows only once enough young people have given one, and only as rounded "
            "numbers. Giving a view again from this device, or with this code, changes yours.",
        },
        refused=(ReceiptNotFound, NotAViewOfThis),
        on_refused=refused,
    )
    return page


def give_view(request, slug):
    """/have-your-say/your-view/<slug>/: the form of the service page, posted; the page itself
    again only when something needs saying (errors, a pause, a busy moment)."""
    service = get_object_or_404(Service.objects.published(), slug=slug)
    return _view_page(service).view(partial(ServiceViewForm, service=service))(request)
