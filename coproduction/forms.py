"""The suggestion form (the one validation path of /have-your-say/suggest-a-place/) and the form
of a young person's view of a service."""

from django import forms

from participation.codes import normalise_code
from participation.forms import (
    COMMENT_MAX,
    TextField,
    coordinate_field,
    kind_field,
    place_field,
    title_field,
)
from participation.limits import RateLimited
from places.geo import in_bristol
from security.antibot import BotCheckFormMixin
from services_directory.models import Service
from workshops.models import Exercise
from workshops.services.workshops import WorkshopNotFound, find_workshop

from .models import Recommend, StandOut, SuggestionKind, SuggestionWho
from .services import SuggestionSubmission
from .youth_views import ViewSubmission


class NotAsking(Exception):
    message = (
        "That mapping exercise is not asking for places now: it may have ended. You can still "
        "send your suggestion without it from Suggest a place."
    )

    def __init__(self, message: str = ""):
        super().__init__(message or self.message)
        self.message = message or self.message


def exercise_asking(slug: str | None, code: str | None, *, address: str | None) -> Exercise | None:
    """The mapping exercise asking for good places that a suggestion answers: named by its slug
    (open to anyone and running) or by its open live workshop's code (a workshop-only exercise
    is reached only that way, as for pins); None when neither is given. Raises NotAsking."""
    return asked_from(slug, code, address=address)[0]


def asked_from(
    slug: str | None, code: str | None, *, address: str | None
) -> tuple[Exercise | None, str]:
    """(the exercise asking, the code of the open live workshop it was asked in, or "")."""
    if code:
        try:
            workshop = find_workshop(code, address=address)
        except (WorkshopNotFound, RateLimited) as exc:
            raise NotAsking(exc.message) from exc
        exercise = workshop.exercise if workshop.is_open else None
    elif slug:
        exercise = Exercise.objects.open_to_anyone().filter(slug=slug).first()
    else:
        return None, ""
    if exercise is None or not exercise.asks_for_good_places:
        raise NotAsking()
    return exercise, workshop.code if code else ""


class SuggestionForm(BotCheckFormMixin, forms.Form):
    name = title_field("Say what the place or activity is.", "Keep it to 120 characters or fewer.")
    what = kind_field(SuggestionKind.choices, "Choose what kind of thing it is.")
    place = place_field()
    # Set by the page's map after a tap (one-shot: never stored on the device).
    lat = coordinate_field("Latitude")
    lng = coordinate_field("Longitude")
    when = TextField(max_length=200)
    who = forms.ChoiceField(
        choices=SuggestionWho.choices,
        error_messages={"required": "Choose who it suits best."},
    )
    why = TextField(
        max_length=COMMENT_MAX,
        required=True,
        error_messages={"required": "Tell us why it is good for young people."},
    )
    link = forms.URLField(
        max_length=300,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address, like https://example.org."},
    )
    # Hidden: the mapping exercise asking for good places that linked here, by its slug (open to
    # anyone) or by its live workshop's code (a workshop-only exercise is reached only that way,
    # as for pins).
    exercise = forms.CharField(max_length=80, required=False, widget=forms.HiddenInput)
    workshop = forms.CharField(max_length=20, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, address: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The client address: a workshop code that names no workshop counts against it, as on
        # /workshop/, so the hidden field is no way round that limit on guessing codes.
        self.address = address

    def clean_name(self):
        # One line: it heads moderation's published text (see Suggestion.moderation_text).
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        data = super().clean()
        try:
            data["exercise"], data["workshop"] = asked_from(
                data.get("exercise"), data.get("workshop"), address=self.address
            )
        except NotAsking as exc:
            # A hidden field: said above the form, never dropped quietly.
            self.add_error(None, exc.message)
            data["exercise"], data["workshop"] = None, ""
        if {"place", "lat", "lng"} & set(self.errors):
            return data
        place, lat, lng = data.get("place"), data.get("lat"), data.get("lng")
        if place:
            data.update(lat=None, lng=None)
        elif lat is None or lng is None:
            self.add_error("place", "Say where: choose a place, or tap the map.")
        elif not in_bristol(lat, lng):
            self.add_error("place", "That position is outside Bristol. Choose a place in Bristol.")
        return data

    def asked_by(self) -> Exercise | None:
        """The exercise the page says the suggestion answers (a sent form: once validated)."""
        if self.is_bound:
            return getattr(self, "cleaned_data", {}).get("exercise")
        return self.initial.get("asked_by")

    def submission(self) -> SuggestionSubmission:
        data = self.cleaned_data
        return SuggestionSubmission(
            name=data["name"],
            what=data["what"],
            who=data["who"],
            why=data["why"].strip(),
            when=" ".join((data.get("when") or "").split()),
            link=data.get("link") or "",
            place=data.get("place"),
            lat=data.get("lat"),
            lng=data.get("lng"),
            exercise=data.get("exercise"),
            workshop=data.get("workshop") or "",
        )


class ServiceViewForm(BotCheckFormMixin, forms.Form):
    """A young person's view of one service: the one validation path of its form."""

    recommend = forms.ChoiceField(
        choices=Recommend.choices,
        error_messages={"required": "Say whether you would recommend it to a friend."},
    )
    stood_out = forms.ModelMultipleChoiceField(
        queryset=StandOut.objects.filter(active=True),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "Choose what stood out from the list."},
    )
    comment = TextField(max_length=COMMENT_MAX)
    # To change a view given on another device (or after the cookie went): its receipt code.
    receipt_code = forms.CharField(max_length=80, required=False)

    def __init__(self, *args, service: Service, **kwargs):
        # Its own ids: the service page it sits on has another form ("report a problem").
        kwargs.setdefault("auto_id", "view_%s")
        super().__init__(*args, **kwargs)
        self.service = service

    def clean_receipt_code(self):
        typed = self.cleaned_data.get("receipt_code", "")
        if not typed.strip():
            return ""
        code = normalise_code(typed)
        if code is None:
            raise forms.ValidationError(
                "That does not look like a receipt code. Codes look like maple-otter-kite-48."
            )
        return code

    def submission(self) -> ViewSubmission:
        data = self.cleaned_data
        return ViewSubmission(
            service=self.service,
            recommend=data["recommend"],
            stood_out=tuple(data.get("stood_out") or ()),
            comment=(data.get("comment") or "").strip(),
            receipt_code=data.get("receipt_code") or "",
        )
