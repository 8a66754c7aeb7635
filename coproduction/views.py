"""/have-your-say/suggest-a-place/: a plain form that works without JavaScript, sent through
participation's one submission flow (participation/views/submission.py)."""

from participation.forms import place_choices
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


suggest = SUGGESTION_PAGE.view(SuggestionForm)
