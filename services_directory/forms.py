"""Public forms: the directory search (a GET form, so every search is a shareable URL) and
"report a problem with this listing"."""

from django import forms
from django.core.exceptions import ValidationError

from security.antibot import BotCheckFormMixin

from . import search_choices
from .models import FeedbackKind, ListingFeedback
from .models.services import ServiceKind
from .queries import DirectoryQuery

AUDIENCE_CHOICES = [("", "Anyone")]
WHEN_CHOICES = [("evening", "Evenings (after 6pm)"), ("weekend", "Weekends")]
WITHIN_CHOICES = [("", "Any distance"), ("1", "1 mile"), ("2", "2 miles"), ("5", "5 miles")]
KIND_CHOICES = [("", "Services and places"), *ServiceKind.choices]


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label="What are you looking for?", required=False, max_length=200)
    need = forms.MultipleChoiceField(
        label="Help with", required=False, widget=forms.CheckboxSelectMultiple
    )
    age = forms.IntegerField(
        label="Age of the young person",
        required=False,
        min_value=0,
        max_value=120,
        error_messages={"invalid": "Enter an age as a whole number, like 14."},
    )
    when = forms.MultipleChoiceField(
        label="When", required=False, choices=WHEN_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    open = forms.ChoiceField(
        label="Open now", required=False, choices=[("", "Any time"), ("now", "Open now")]
    )
    free = forms.BooleanField(label="Free only", required=False)
    near = forms.ChoiceField(label="Near", required=False)
    within = forms.ChoiceField(label="Within", required=False, choices=WITHIN_CHOICES)
    type = forms.ChoiceField(
        label="Show", required=False, choices=KIND_CHOICES, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "for" is the contract's parameter name but a Python keyword, so it is added here.
        self.fields["for"] = forms.ChoiceField(
            label="For", required=False, widget=forms.RadioSelect
        )
        needs, audiences, places = search_choices.search_choices()
        self.fields["need"].choices = needs
        self.fields["for"].choices = AUDIENCE_CHOICES + audiences
        self.places = {p.slug: p for p in places}
        self.fields["near"].choices = [("", "Anywhere in Bristol")] + [
            (slug, p.name) for slug, p in sorted(self.places.items(), key=lambda i: i[1].name)
        ]
        self.fields["near"].error_messages["invalid_choice"] = (
            "Choose a place from the list: we do not know that place."
        )
        self.fields["need"].error_messages["invalid_choice"] = "Choose needs from the list."

    def clean(self):
        data = super().clean()
        if data.get("within") and not data.get("near"):
            self.add_error("near", ValidationError("Choose a place to measure the distance from."))
        return data

    def to_query(self) -> DirectoryQuery:
        data = self.cleaned_data
        return DirectoryQuery(
            q=data.get("q") or "",
            needs=data.get("need") or [],
            audience=data.get("for") or "",
            age=data.get("age"),
            evening="evening" in (data.get("when") or []),
            weekend="weekend" in (data.get("when") or []),
            open_now=data.get("open") == "now",
            free=bool(data.get("free")),
            kind=data.get("type") or "",
            near=self.places.get(data.get("near") or ""),
            within_miles=float(data["within"]) if data.get("within") else None,
        )

    def options(self, name: str) -> list[dict]:
        """A field's choices with their state, for templates that write the inputs themselves
        (much cheaper than rendering a widget template per choice)."""
        value = self[name].value()
        chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value or "")}
        return [
            {"value": v, "label": label, "checked": str(v) in chosen, "id": f"id_{name}_{i}"}
            for i, (v, label) in enumerate(self.fields[name].choices)
        ]

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(v not in ("", None, [], False) for v in self.data.values())


class ListingFeedbackForm(BotCheckFormMixin, forms.ModelForm):
    kind = forms.ChoiceField(
        label="What is wrong?",
        choices=FeedbackKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what is wrong with this listing."},
    )
    comment = forms.CharField(
        label="Tell us more (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Do not include your name or anyone's personal details. "
        "If you are worried about a child's safety, use Get help now instead.",
    )

    class Meta:
        model = ListingFeedback
        fields = ["kind", "comment"]
