"""The one validation path: the HTML forms and the JSON API both validate through these forms,
and both hand the result to the same services."""

from django import forms

from places.geo import in_bristol
from places.models import NamedPlace, PlaceKind
from security.antibot import BotCheckFormMixin

from . import exercise_links
from .choice_fields import SlugsField
from .codes import normalise_code
from .models import (
    Area,
    Feeling,
    LocationSource,
    ProposalKind,
    ProposalWhen,
    Reason,
    TimeOfDay,
)
from .photos import PhotoRejected, clean_photo
from .services import PinSubmission, ProposalSubmission

COMMENT_MAX = 1000


class TextField(forms.CharField):
    """Free text: line endings counted as one character, as the browser's maxlength counts them."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value

    def __init__(self, *, max_length: int, label: str = "", **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            max_length=max_length,
            label=label,
            error_messages={
                "max_length": f"Keep it to {max_length} characters or fewer "
                "(it has %(show_value)d).",
                **kwargs.pop("error_messages", {}),
            },
            **kwargs,
        )


def place_field() -> forms.ModelChoiceField:
    """An optional named place, by its slug."""
    return forms.ModelChoiceField(
        queryset=NamedPlace.objects.active(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "We do not know that place. Choose one from the list."},
    )


def coordinate_field(name: str) -> forms.FloatField:
    """An optional latitude or longitude (where a tap on the map put it)."""
    return forms.FloatField(required=False, error_messages={"invalid": f"{name} must be a number."})


def title_field(required: str, too_long: str) -> forms.CharField:
    """The short name of an idea or a suggestion (up to 120 characters)."""
    return forms.CharField(
        max_length=120, error_messages={"required": required, "max_length": too_long}
    )


def kind_field(choices, required: str) -> forms.ChoiceField:
    """What kind of thing an idea or a suggestion is."""
    return forms.ChoiceField(choices=choices, error_messages={"required": required})


def place_choices() -> list:
    """Named places grouped by kind, for a select that works without JavaScript."""
    places = NamedPlace.objects.active().order_by("name").values_list("slug", "name", "kind")
    groups = {kind: [] for kind in PlaceKind.values}
    for slug, name, kind in places:
        groups.setdefault(kind, []).append((slug, name))
    labels = dict(PlaceKind.choices)
    return [(labels.get(kind, kind), items) for kind, items in groups.items() if items]


class PinForm(forms.Form):
    """A pin as the API sends it: `reasons` is one list of slugs."""

    feeling = forms.ChoiceField(
        choices=Feeling.choices,
        error_messages={
            "required": "Choose whether the place feels safe or unsafe.",
            "invalid_choice": "Feeling must be 'safe' or 'unsafe'.",
        },
    )
    location_source = forms.ChoiceField(choices=LocationSource.choices, required=False)
    place = place_field()
    lat = coordinate_field("Latitude")
    lng = coordinate_field("Longitude")
    reasons = SlugsField(
        queryset=Reason.objects.active(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "'%(value)s' is not a reason we know."},
    )
    when = forms.ChoiceField(
        choices=[("", "Not saying"), *TimeOfDay.choices],
        required=False,
        error_messages={"invalid_choice": "'%(value)s' is not a time of day we know."},
    )
    comment = TextField(max_length=COMMENT_MAX)
    # Only open, running exercises: a workshop-only one is reached through its workshop's code.
    # The queryset is the workshops app's, set per form (see __init__).
    exercise = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        required=False,
        error_messages={
            "invalid_choice": "That mapping exercise is not taking pins here: it may have ended, "
            "or it may run only in workshops."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exercise"].queryset = exercise_links.lookup().open_to_anyone()

    def clean(self):
        data = super().clean()
        self._clean_location(data)
        feeling, reasons = data.get("feeling"), data.get("reasons") or []
        wrong = [reason.label for reason in reasons if feeling and reason.feeling != feeling]
        if wrong:
            self.add_error(
                "reasons",
                f"You said the place feels {feeling}, but these reasons are for the other "
                f"feeling: {', '.join(wrong)}.",
            )
        return data

    def _clean_location(self, data) -> None:
        source = data.get("location_source")
        place, lat, lng = data.get("place"), data.get("lat"), data.get("lng")
        if "place" in self.errors or "lat" in self.errors or "lng" in self.errors:
            return
        has_point = lat is not None or lng is not None
        if not source:
            if place and has_point:
                self.add_error("place", "Give either a place or lat and lng, not both.")
                return
            source = LocationSource.PLACE if place else LocationSource.MAP
        if source == LocationSource.PLACE:
            if not place:
                self.add_error("place", "Say where: choose a place, or put a pin on the map.")
                return
            data.update(location_source=source, lat=place.lat, lng=place.lng)
            return
        if lat is None or lng is None:
            field = "lng" if lat is not None else "lat"
            if not has_point:
                field = "place"
            self.add_error(field, "Say where: choose a place, or put a pin on the map.")
            return
        if not in_bristol(lat, lng):
            self.add_error("lat", "That position is outside Bristol. Move the map to Bristol.")
            return
        data.update(location_source=source, place=None)

    def submission(self, photo=None) -> PinSubmission:
        data = self.cleaned_data
        return PinSubmission(
            feeling=data["feeling"],
            lat=data["lat"],
            lng=data["lng"],
            location_source=data["location_source"],
            place=data.get("place"),
            reasons=tuple(data.get("reasons") or ()),
            when=data.get("when") or "",
            comment=(data.get("comment") or "").strip(),
            exercise=data.get("exercise"),
            photo=photo,
        )


class PinPageForm(BotCheckFormMixin, PinForm):
    """The pin form of /have-your-say/pin/: reasons in two lists (one per feeling), so someone
    without JavaScript can tick reasons under either heading; the list for the chosen feeling
    counts. It adds the optional photo."""

    reasons_safe = SlugsField(
        queryset=Reason.objects.active().filter(feeling=Feeling.SAFE),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reasons_unsafe = SlugsField(
        queryset=Reason.objects.active().filter(feeling=Feeling.UNSAFE),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photo = forms.FileField(required=False)

    field_order = ["feeling", "place", "reasons_unsafe", "reasons_safe", "when", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["reasons"]
        self.fields["place"].widget = forms.Select(
            choices=[("", "Choose a place"), *place_choices()]
        )
        self.clean_photo_result = None

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if upload:
            try:
                self.clean_photo_result = clean_photo(upload)
            except PhotoRejected as exc:
                raise forms.ValidationError(exc.message) from exc
        return upload

    def clean(self):
        feeling = self.cleaned_data.get("feeling")
        self.cleaned_data["reasons"] = self.cleaned_data.get(f"reasons_{feeling}") or []
        return super().clean()

    def submission(self, photo=None) -> PinSubmission:
        return super().submission(photo=self.clean_photo_result)

    def reasons_field(self, feeling: str):
        return self[f"reasons_{feeling}"]


def where_choices() -> list:
    return [("Parts of the city", list(Area.choices)), *place_choices()]


class ProposalForm(forms.Form):
    title = title_field(
        "Give your idea a short title.", "Keep the title to 120 characters or fewer."
    )
    what = kind_field(ProposalKind.choices, "Choose what kind of thing you would like.")
    where = forms.ChoiceField(
        choices=(),
        error_messages={
            "required": "Choose where: a part of the city or a place.",
            "invalid_choice": "We do not know that place or area.",
        },
    )
    when = forms.ChoiceField(
        choices=ProposalWhen.choices,
        error_messages={"required": "Choose when it should happen."},
    )
    why = TextField(
        max_length=COMMENT_MAX,
        required=True,
        error_messages={"required": "Tell us why it would help."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["where"].choices = [("", "Choose a place or area"), *where_choices()]

    def clean_title(self):
        # The title is one line: it heads moderation's published text (see Proposal).
        return " ".join(self.cleaned_data["title"].split())

    def submission(self) -> ProposalSubmission:
        data = self.cleaned_data
        where = data["where"]
        place = None if where in Area.values else NamedPlace.objects.get(slug=where)
        return ProposalSubmission(
            title=data["title"],
            what=data["what"],
            area=Area.of_place(place) if place else where,
            when=data["when"],
            why=data["why"].strip(),
            place=place,
        )


class IdeaPageForm(BotCheckFormMixin, ProposalForm):
    """The idea form of /have-your-say/ideas/new/ (the API uses ProposalForm itself)."""


class ReceiptForm(forms.Form):
    code = forms.CharField(
        max_length=80,
        label="Your receipt code",
        error_messages={"required": "Enter your receipt code."},
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                "That does not look like a receipt code. Codes look like maple-otter-kite-48."
            )
        return code
