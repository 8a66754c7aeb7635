"""Moderators' and leads' forms. Every decision form posts to its own URL, so the page works
without JavaScript; the keyboard shortcuts only focus or submit these forms."""

from django import forms

from .models import Outcome, Pathway, RejectionReason
from .models.phrases import PHRASE_CATEGORIES, PHRASE_HELP, PHRASE_NEEDS_A_WORD
from .scanner import CATEGORIES
from .scanner.normalise import phrase_to_regex

NOTE_WIDGET = forms.Textarea(attrs={"rows": 2})


class ApproveForm(forms.Form):
    published_text = forms.CharField(
        label="Text to publish",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the public will read. Redactions rebuild it from the original, so edit "
        "this last.",
    )
    response = forms.CharField(
        label="Note to the contributor (optional)",
        required=False,
        max_length=1000,
        widget=NOTE_WIDGET,
        help_text="Shown with their receipt code.",
    )
    # Sent by the "Read: no sign of harm" button: the moderator's word that they read it.
    no_sign_of_harm = forms.BooleanField(required=False)


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why it is not published",
        choices=[("", "Choose a reason")]
        + [c for c in RejectionReason.choices if c[0] != RejectionReason.SAFEGUARDING],
    )
    note = forms.CharField(
        label="Note for the audit (optional)", required=False, max_length=2000, widget=NOTE_WIDGET
    )
    response = forms.CharField(
        label="Note to the contributor (optional)",
        required=False,
        max_length=1000,
        widget=NOTE_WIDGET,
    )


class EscalateForm(forms.Form):
    note = forms.CharField(label="Why you are escalating it", max_length=2000, widget=NOTE_WIDGET)


class TakeOverForm(forms.Form):
    reason = forms.CharField(
        label="Why you are taking it over",
        max_length=2000,
        widget=NOTE_WIDGET,
        help_text="Kept in the audit with your name. The current holder can no longer act on it.",
    )


class RedactForm(forms.Form):
    """One span of the original text, redacted (on) or restored (off)."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    kind = forms.CharField(max_length=20, required=False)
    on = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if "start" in data and "end" in data and data["end"] <= data["start"]:
            raise forms.ValidationError("The end of the part to redact must come after its start.")
        return data


class RedactWordsForm(forms.Form):
    words = forms.CharField(
        label="Redact these words",
        # Optional on the page (most items need nothing redacted), so not marked required; the
        # button with an empty box still gets a specific error.
        required=False,
        max_length=200,
        help_text="Something the scan missed: every place they appear is redacted.",
    )

    def clean_words(self):
        words = self.cleaned_data["words"].strip()
        if not words:
            raise forms.ValidationError("Type the words to redact.")
        return words


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What you did", choices=Outcome.choices, widget=forms.RadioSelect
    )
    pathway = forms.ChoiceField(
        label="Pathway", choices=[("", "Choose the pathway")] + Pathway.choices, required=False
    )
    referred_to = forms.CharField(
        label="Referred to (service, team or person, and any reference)",
        max_length=200,
        required=False,
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=2000,
        widget=NOTE_WIDGET,
        help_text="Required for no further action.",
    )
    return_to_queue = forms.BooleanField(
        label="It is not a disclosure: return it to the moderation queue (clears the flag)",
        required=False,
    )


class TeachForm(forms.Form):
    """A phrase for the scan, or an example in the moderator's own words, or both. Starts empty:
    never the young person's words."""

    phrase_category = forms.ChoiceField(
        label="Category of the phrase",
        choices=[("", "Choose a category")] + CATEGORIES,
        required=False,
    )
    phrase = forms.CharField(
        label="A phrase the scan should know",
        max_length=200,
        required=False,
        help_text="A few words young people use for this, not a sentence from the contribution. "
        "End a word with * for any ending; put ... for up to four words in between.",
    )
    example = forms.CharField(
        label="An example in your own words",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Write how a young person might say this kind of thing. Never copy or paste "
        "what they wrote: it stays with the contribution and is deleted with it.",
    )
    example_categories = forms.MultipleChoiceField(
        label="What the example discloses",
        choices=CATEGORIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        phrase, example = data.get("phrase", "").strip(), data.get("example", "").strip()
        if not phrase and not example:
            raise forms.ValidationError("Write a phrase, an example, or both.")
        if phrase and not data.get("phrase_category"):
            self.add_error("phrase_category", "Choose the category the phrase points to.")
        if example and not data.get("example_categories"):
            self.add_error("example_categories", "Choose what the example discloses.")
        return data


class TryPhraseForm(forms.Form):
    """A phrase tried on a text on the scan phrases screen; nothing is saved."""

    category = forms.ChoiceField(label="What the phrase points to", choices=PHRASE_CATEGORIES)
    phrase = forms.CharField(
        label="Phrase",
        max_length=200,
        help_text=PHRASE_HELP,
    )
    text = forms.CharField(
        label="A text to try it on",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Write it as a young person might. It is not saved or logged.",
    )

    def clean_phrase(self):
        phrase = self.cleaned_data["phrase"].strip()
        if not phrase_to_regex(phrase):
            raise forms.ValidationError(PHRASE_NEEDS_A_WORD)
        return phrase
