"""/have-your-say/suggest-a-place/: a plain form that works without JavaScript, sent through
participation's one submission flow (participation/views/submission.py)."""

from django.views.decorators.cache import never_cache

from participation.forms import place_choices
from participation.views.common import new_key
from participation.views.submission import SubmissionPage, form_context

from .forms import SuggestionForm
from .models import SuggestionKind, SuggestionWho
from .services import submit_suggestion

SUGGESTION_PAGE = SubmissionPage(
    template="coproduction/suggestion_form.html",
    context=form_context(
        "Suggest a place or activity",
        kinds=SuggestionKind.choices,
        whos=SuggestionWho.choices,
        place_groups=place_choices,
    ),
    submit=submit_suggestion,
    kind="suggestion",
    thanks={
        "thanks_title": "your suggestion has been sent",
        "thanks_text": "Once it is checked, the directory team looks into it and may add it to "
        "the directory of places and services.",
    },
)


@never_cache
def suggest(request):
    if request.method == "POST":
        return SUGGESTION_PAGE.post(request, SuggestionForm(request.POST))
    return SUGGESTION_PAGE.render(request, SuggestionForm(), new_key())
