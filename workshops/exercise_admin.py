"""Staff editing of mapping exercises in the Wagtail admin (Editors and Moderators): the area
drawn on a map and/or named places, dates, audience, the concern it follows; new rounds of the
same area, and a comparison of the rounds."""

from django import forms
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from . import extensions
from .admin_pages import ObjectAdminPage, ObjectFormAdminPage
from .models import Exercise
from .services.exercises import compare_rounds, start_new_round
from .widgets import AreaField


class ExerciseAdminForm(WagtailAdminModelForm):
    area = AreaField(
        label="Area drawn on the map",
        help_text="Pins inside the area (or at or near the named places) count towards it.",
    )

    def clean(self):
        data = super().clean()
        if not data.get("area") and not data.get("places") and "area" not in self.errors:
            self.add_error("area", "Draw the area on the map, or choose at least one named place.")
        return data


EXERCISE_PANELS = ObjectList(
    [
        FieldPanel("title", help_text="Young people see it, in workshops and on Have your say."),
        FieldPanel("slug", help_text="Used in links, e.g. ?exercise=easton-spring."),
        FieldPanel("prompt"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading="Dates"),
        FieldPanel("audience", widget=forms.RadioSelect),
        FieldPanel(
            "asks",
            widget=forms.RadioSelect,
            help_text="Good places young people name go to the directory team's suggestions.",
        ),
        MultiFieldPanel(
            [FieldPanel("area"), FieldPanel("places", widget=forms.CheckboxSelectMultiple)],
            heading="The area it covers",
        ),
        MultiFieldPanel(
            [FieldPanel("concern_kind"), FieldPanel("concern")],
            heading="The concern it follows (staff only)",
        ),
    ],
    base_form_class=ExerciseAdminForm,
)


class RoundColumn(Column):
    def get_value(self, instance):
        return f"Round {instance.round_number}"


class ExerciseEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        pk = self.object.pk
        return [
            *super().header_more_buttons,
            Button(
                "Start a new round",
                url=reverse("mapping_exercises:new_round", args=[pk]),
                icon_name="repeat",
                priority=40,
            ),
            Button(
                "Compare rounds",
                url=reverse("mapping_exercises:compare", args=[pk]),
                icon_name="table",
                priority=41,
            ),
        ]


class NewRoundForm(forms.Form):
    starts_on = forms.DateField(label="Starts on")
    ends_on = forms.DateField(label="Ends on", required=False)

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "The end date is before the start date.")
        return data


class NewRoundView(ObjectFormAdminPage):
    """A repeat of the same area and question, months later: the exercise's next round."""

    model = Exercise
    permission_required = "workshops.add_exercise"
    template_name = "workshops/admin/exercise_new_round.html"
    header_icon = "repeat"
    form_class = NewRoundForm

    def get_page_title(self):
        return f"New round of {self.object.title}"

    def initial(self) -> dict:
        return {"starts_on": timezone.localdate()}

    def form_valid(self, form):
        new = start_new_round(self.object, **form.cleaned_data)
        messages.success(self.request, f"Round {new.round_number} of '{new.title}' is ready.")
        return redirect("mapping_exercises:edit", new.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(rounds=self.object.rounds(), **kwargs)


class CompareRoundsView(ObjectAdminPage):
    """The exercise's results for staff: its rounds' approved pins, and what apps above workshops
    add (workshops/extensions.py)."""

    model = Exercise
    permission_required = "workshops.view_exercise"
    template_name = "workshops/admin/exercise_compare.html"
    header_icon = "table"

    def get_page_title(self):
        return f"Rounds of {self.object.title}"

    def get_context_data(self, **kwargs):
        comparison = compare_rounds(self.object)
        rounds = [figures.exercise for figures in comparison.rounds]
        return super().get_context_data(
            comparison=comparison,
            # What apps above workshops add (good places suggested for the exercise).
            extension_sections=extensions.results_sections(self.request, rounds),
            rows=list(zip(comparison.rounds, [None, *comparison.changes], strict=True)),
            **kwargs,
        )


class ExerciseViewSet(ModelViewSet):
    model = Exercise
    name = "mapping_exercises"
    url_prefix = "mapping-exercises"
    icon = "site"
    menu_label = "Mapping exercises"
    add_to_admin_menu = False
    edit_view_class = ExerciseEditView
    copy_view_enabled = False
    edit_handler = EXERCISE_PANELS
    list_display = [
        "title",
        RoundColumn("round", label="Round"),
        "audience",
        DateColumn("starts_on", label="Starts"),
        DateColumn("ends_on", label="Ends"),
    ]
    list_filter = ["audience", "asks", "concern_kind"]
    search_fields = ["title", "slug", "prompt"]

    def get_urlpatterns(self):
        kwargs = {"index_url_name": self.get_url_name("index")}
        return [
            *super().get_urlpatterns(),
            path("new-round/<int:pk>/", NewRoundView.as_view(**kwargs), name="new_round"),
            path("compare/<int:pk>/", CompareRoundsView.as_view(**kwargs), name="compare"),
        ]
