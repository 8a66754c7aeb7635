"""The public form "Tell us about a place", and the coordinators' forms.

No field asks for a child's name, and the hints say not to give one; whatever names or contact
details are typed into the free text anyway are removed before the report is stored
(redaction.py)."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from participation.outcomes import AREA_CHOICES, area_of
from places.models import NamedPlace
from security.antibot import BotCheckFormMixin

from .choices import (
    REPORT_CATEGORIES,
    AssessmentStatus,
    CloseReason,
    PlaceType,
    PublicationStatus,
    Rag,
    Reporter,
)
from .models import ActionPublication, LocationAssessment, SafetyAction
from .services import may_approve, report_words_in

NO_NAMES = "Please do not name any child or young person: describe what you saw instead."
PROFESSIONAL_REQUIRED = "As a professional, give your %s so the coordinator can reach you."


class PlaceReportForm(BotCheckFormMixin, forms.Form):
    reporter = forms.ChoiceField(
        label="Who are you?",
        choices=Reporter.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Say whether you are a professional, a parent or carer, or "
            "a member of the community."
        },
    )
    reporter_name = forms.CharField(label="Your name", max_length=120, required=False)
    agency = forms.CharField(
        label="Your agency or organisation",
        max_length=120,
        required=False,
        help_text="For example: a school, Avon and Somerset Police, a youth service.",
    )
    email = forms.EmailField(
        label="Your email address",
        required=False,
        help_text="Professionals: your work email. Parents, carers and others: only if you "
        "would like us to be able to reply.",
        error_messages={"invalid": "Enter an email address like name@example.org."},
    )
    phone = forms.CharField(label="Your phone number", max_length=30, required=False)
    named_place = forms.ModelChoiceField(
        label="Choose a named place",
        queryset=NamedPlace.objects.active(),
        required=False,
        empty_label="Choose a place",
        error_messages={"invalid_choice": "Choose a place from the list."},
    )
    location_text = forms.CharField(
        label="Or describe where it is",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A street, a landmark, the name of premises, or an online space.",
    )
    lat = forms.FloatField(
        label="Latitude",
        required=False,
        validators=[MinValueValidator(51.3), MaxValueValidator(51.6)],
        error_messages={"invalid": "Enter the latitude as a number, like 51.4545."},
    )
    lng = forms.FloatField(
        label="Longitude",
        required=False,
        validators=[MinValueValidator(-2.8), MaxValueValidator(-2.4)],
        error_messages={"invalid": "Enter the longitude as a number, like -2.5879."},
    )
    place_type = forms.ChoiceField(
        label="What kind of place is it?",
        choices=PlaceType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of place it is."},
    )
    categories = forms.MultipleChoiceField(
        label="What do you think is happening there?",
        choices=REPORT_CATEGORIES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick any that fit. If you are not sure, leave them and tell us below.",
    )
    when_text = forms.CharField(
        label="When does it happen?",
        max_length=300,
        required=False,
        help_text="Days and times, for example: weekday evenings after 8pm.",
    )
    what_seen = forms.CharField(
        label="What have you seen or heard?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=NO_NAMES,
        error_messages={"required": "Tell us what you have seen or heard."},
    )

    def clean(self):
        data = super().clean()
        if data.get("reporter") == Reporter.PROFESSIONAL:
            for name, words in (
                ("reporter_name", "name"),
                ("agency", "agency"),
                ("email", "work email address"),
            ):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, PROFESSIONAL_REQUIRED % words)
        if (data.get("lat") is None) != (data.get("lng") is None) and not (
            self.has_error("lat") or self.has_error("lng")
        ):
            self.add_error("lat", "Give both the latitude and the longitude, or neither.")
        has_point = data.get("lat") is not None and data.get("lng") is not None
        somewhere = data.get("named_place") or has_point or data.get("location_text")
        where_errors = any(self.has_error(name) for name in ("named_place", "lat", "lng"))
        if not somewhere and not where_errors:
            self.add_error(
                "named_place", "Tell us where: choose a named place, or describe where it is."
            )
        return data

    def report_values(self) -> dict:
        data = self.cleaned_data
        return {
            "reporter": data["reporter"],
            "reporter_name": data["reporter_name"],
            "agency": data["agency"],
            "email": data["email"],
            "phone": data["phone"],
            "named_place": data["named_place"],
            "lat": data["lat"],
            "lng": data["lng"],
            "location_text": data["location_text"],
            "place_type": data["place_type"],
            "categories": list(data["categories"]),
            "when_text": data["when_text"],
            "what_seen": data["what_seen"],
        }


class CloseReportForm(forms.Form):
    reason = forms.ChoiceField(label="Why you are closing it", choices=CloseReason.choices)
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class LinkReportForm(forms.Form):
    assessment = forms.ModelChoiceField(
        label="Add it to an assessment",
        queryset=LocationAssessment.objects.open(),
        empty_label="Choose an open assessment",
    )


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = LocationAssessment
        fields = ["title", "place", "status", "summary", "review_date"]
        widgets = {
            "review_date": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = NamedPlace.objects.active()
        self.fields["status"].choices = AssessmentStatus.choices


class ActionForm(forms.ModelForm):
    class Meta:
        model = SafetyAction
        fields = ["description", "owner_agency", "due_date", "rag"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "due_date": forms.DateInput(attrs={"type": "date"}),
        }
        labels = {"rag": "RAG status"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rag"].choices = Rag.choices


class ActionRagForm(forms.Form):
    """A plan action's RAG status changed (Completed is what makes it publishable)."""

    action = forms.ModelChoiceField(
        label="Which action", queryset=SafetyAction.objects.none(), empty_label="Choose an action"
    )
    rag = forms.ChoiceField(label="Change its status to", choices=Rag.choices)

    def __init__(self, *args, assessment: LocationAssessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = assessment.actions.all()


PUBLIC_WORDS_HELP = (
    "Plain words young people will read on “You said, we did”. Write them yourself: nothing "
    "from any report, no names, no addresses. Names and contact details are removed."
)


class ProposePublicationForm(forms.Form):
    action = forms.ModelChoiceField(
        label="Completed action",
        queryset=SafetyAction.objects.none(),
        empty_label="Choose a completed action",
    )
    area = forms.ChoiceField(label="Part of the city", choices=AREA_CHOICES)
    you_said = forms.CharField(
        label="You said",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What young people told us about places like this. " + PUBLIC_WORDS_HELP,
    )
    we_did = forms.CharField(
        label="We did",
        max_length=1200,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the partnership did. " + PUBLIC_WORDS_HELP,
    )

    def __init__(self, *args, assessment: LocationAssessment, **kwargs):
        kwargs.setdefault("initial", {"area": area_of(assessment.place)})
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        self.fields["action"].queryset = assessment.actions.filter(rag=Rag.DONE).exclude(
            publication__status=PublicationStatus.PUBLISHED
        )

    def clean(self):
        data = super().clean()
        for name in ("you_said", "we_did"):
            shared = report_words_in(data.get(name) or "", self.assessment)
            if shared:
                self.add_error(
                    name,
                    f"These words repeat a report about the place (“{shared}”): write your own.",
                )
        return data


class ApprovePublicationForm(forms.Form):
    publication = forms.ModelChoiceField(
        queryset=ActionPublication.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "That publication is no longer waiting for approval."},
    )

    def __init__(self, *args, assessment: LocationAssessment, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["publication"].queryset = ActionPublication.objects.filter(
            action__assessment=assessment, status=PublicationStatus.PROPOSED
        )

    def clean(self):
        data = super().clean()
        if "publication" in self.errors:
            # The field is hidden: its refusal is said at the top of the form.
            self.add_error(None, self.errors.pop("publication"))
        elif not may_approve(data["publication"], self.user):
            self.add_error(
                None, "You proposed these words: a second coordinator must approve them."
            )
        return data
