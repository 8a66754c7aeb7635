"""Workshops in the Wagtail admin: open one (a join code and a QR code), its live screen, pause,
resume and close it, and enter pins from the group's paper map.

Editors, Moderators and Workshop facilitators set workshops up; only Moderators and Workshop
facilitators run them (the "run" permission: live screen, pause and close, paper entry), since the
live screen shows pins before moderation. The live screen is fed over /ws/workshop/<code>/ (see
workshops.consumers); its buttons are plain forms, so they work without JavaScript too."""

import uuid

import qrcode
import qrcode.image.svg

from django import forms
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone

from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log

from participation.forms import PinForm, place_choices
from participation.models import Reason
from participation.services import IdempotencyError, parse_key
from places.maps import map_config

from .admin_pages import ObjectAdminPage, ObjectFormAdminPage
from .live import counts
from .live import snapshot as live_snapshot
from .models import Exercise, Workshop, WorkshopStatus
from .services.workshops import (
    StatusChangeRefused,
    enter_paper_pin,
    open_workshop,
    set_status,
)

# Pausing, closing and copying in paper pins change the workshop; the live screen only reads it.
CHANGE_WORKSHOP = "workshops.change_workshop"
RUN_WORKSHOP = "workshops.run_workshop"  # shows the pins before moderation

ACTIONS = {
    "pause": WorkshopStatus.PAUSED,
    "resume": WorkshopStatus.OPEN,
    "close": WorkshopStatus.CLOSED,
}


def area_map_config(workshop: Workshop) -> dict:
    """Maps of a workshop start on the area its exercise covers."""
    centre = workshop.exercise.centre()
    return map_config(centre, zoom=14 if centre else None, around_contributions=True)


def join_url(request, workshop: Workshop) -> str:
    return request.build_absolute_uri(reverse("workshop:join", args=[workshop.code]))


class WorkshopAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Its pins belong to the exercise it was opened for.
            self.fields["exercise"].disabled = True
        else:
            today = timezone.localdate()
            self.fields["exercise"].queryset = Exercise.objects.filter(
                Q(ends_on__isnull=True) | Q(ends_on__gte=today)
            )


class WorkshopCreateView(generic.CreateView):
    page_title = "Open a workshop"

    def save_instance(self):
        data = self.form.cleaned_data
        workshop = open_workshop(
            data["exercise"], facilitator=self.request.user, label=data["label"]
        )
        log(instance=workshop, action="wagtail.create", user=self.request.user)
        return workshop

    def get_success_url(self):
        if self.permission_policy.user_has_permission(self.request.user, "run"):
            return reverse("workshops:live", args=[self.object.pk])
        return reverse(self.index_url_name)

    def get_success_message(self, instance):
        return f"Workshop open: the join code is {instance.display_code}."


class CodeColumn(Column):
    def get_value(self, instance):
        return instance.display_code


class WorkshopIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        if not self.permission_policy.user_has_permission(self.request.user, "run"):
            return super().get_list_more_buttons(instance)
        return [
            Button(
                "Live screen",
                url=reverse("workshops:live", args=[instance.pk]),
                icon_name="view",
                priority=1,
            ),
            Button(
                "Enter pins from a paper map",
                url=reverse("workshops:paper", args=[instance.pk]),
                icon_name="edit",
                priority=2,
            ),
            *super().get_list_more_buttons(instance),
        ]


class LiveScreenView(ObjectAdminPage):
    model = Workshop
    # It shows the workshop's pins before moderation.
    permission_required = RUN_WORKSHOP
    template_name = "workshops/admin/workshop_live.html"
    header_icon = "view"

    def get_queryset(self):
        return Workshop.objects.select_related("exercise", "facilitator")

    def get_page_title(self):
        return f"Workshop {self.object.display_code}: {self.object.label}"

    @property
    def header_buttons(self):
        url = reverse("workshops:paper", args=[self.object.pk])
        return [HeaderButton("Enter pins from a paper map", url=url, icon_name="edit")]

    def get_context_data(self, **kwargs):
        workshop = self.object
        return super().get_context_data(
            workshop=workshop,
            join_url=join_url(self.request, workshop),
            live=live_snapshot(workshop),
            can_change=self.user_has_permission(CHANGE_WORKSHOP),
            map_config=area_map_config(workshop),
            **kwargs,
        )


class QRCodeView(ObjectAdminPage):
    model = Workshop
    permission_required = "workshops.view_workshop"

    def get(self, request, *args, **kwargs):
        image = qrcode.make(
            join_url(request, self.object),
            image_factory=qrcode.image.svg.SvgPathImage,
            box_size=12,
            border=2,
        )
        response = HttpResponse(image.to_string(encoding="unicode"), content_type="image/svg+xml")
        response["Cache-Control"] = "private, max-age=3600"
        return response


class StatusView(ObjectAdminPage):
    """Pause, resume or close (POST `action`), then back to the live screen."""

    model = Workshop
    permission_required = RUN_WORKSHOP
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        status = ACTIONS.get(request.POST.get("action", ""))
        if status is None:
            messages.error(request, "Choose pause, resume or close.")
        else:
            try:
                workshop = set_status(self.object, status)
                messages.success(
                    request, f"The workshop is now {workshop.get_status_display().lower()}."
                )
            except StatusChangeRefused as exc:
                messages.error(request, exc.message)
        return redirect("workshops:live", self.object.pk)


class PaperPinForm(PinForm):
    """One pin from a paper map, as the facilitator copies it."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["exercise"]
        self.fields["location_source"].widget = forms.HiddenInput()
        self.fields["feeling"].widget = forms.RadioSelect(choices=self.fields["feeling"].choices)
        self.fields["place"].widget = forms.Select(
            choices=[("", "Choose a place (or click the map)"), *place_choices()]
        )
        self.fields[
            "place"
        ].help_text = "Where the sticker or mark is: a named place, or a point on the map."
        self.fields["lat"].widget = forms.NumberInput(attrs={"step": "any", "data-paper-lat": ""})
        self.fields["lng"].widget = forms.NumberInput(attrs={"step": "any", "data-paper-lng": ""})
        self.fields["lat"].label, self.fields["lng"].label = "Latitude", "Longitude"
        self.fields["reasons"].widget = forms.CheckboxSelectMultiple()
        self.fields["reasons"].queryset = Reason.objects.active()
        self.fields["reasons"].label_from_instance = lambda reason: (
            f"{reason.label} ({reason.get_feeling_display().lower()})"
        )
        self.fields["when"].widget = forms.RadioSelect(choices=self.fields["when"].choices)
        self.fields["comment"].widget = forms.Textarea(attrs={"rows": 3})
        # The public pin form asks its question in a heading; here the field needs its own label.
        self.fields["comment"].label = "What the group wrote (optional)"
        self.fields[
            "comment"
        ].help_text = "Only what the group wrote on the map; a moderator reads it first."

    def clean_idempotency_key(self):
        try:
            return parse_key(self.cleaned_data["idempotency_key"])
        except IdempotencyError as exc:
            raise forms.ValidationError(exc.message) from exc


class PaperEntryView(ObjectFormAdminPage):
    model = Workshop
    permission_required = RUN_WORKSHOP
    template_name = "workshops/admin/workshop_paper.html"
    header_icon = "edit"
    form_class = PaperPinForm

    def get_page_title(self):
        return f"Pins from a paper map: workshop {self.object.display_code}"

    def get_queryset(self):
        return Workshop.objects.select_related("exercise")

    def initial(self) -> dict:
        # A new key for each pin shown: sending the same form twice adds it once.
        return {"idempotency_key": str(uuid.uuid4())}

    def form_valid(self, form):
        done = enter_paper_pin(
            self.object, form.submission(), idempotency_key=form.cleaned_data["idempotency_key"]
        )
        if done.created:
            messages.success(self.request, "Pin added. It waits for moderation like any other.")
        else:
            messages.warning(self.request, "That pin was already added: it was not added twice.")
        return self.get(self.request)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            workshop=self.object,
            figures=counts(self.object),
            map_config=area_map_config(self.object),
            **kwargs,
        )


class WorkshopViewSet(ModelViewSet):
    model = Workshop
    name = "workshops"
    url_prefix = "workshops"
    icon = "group"
    menu_label = "Workshops"
    add_to_admin_menu = False
    add_view_class = WorkshopCreateView
    index_view_class = WorkshopIndexView
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("exercise"), FieldPanel("label")], base_form_class=WorkshopAdminForm
    )
    list_display = [
        "label",
        CodeColumn("code", label="Code"),
        "exercise",
        "status",
        DateColumn("created_at", label="Opened"),
    ]
    list_filter = ["status"]
    search_fields = ["label", "code"]

    def get_urlpatterns(self):
        kwargs = {"index_url_name": self.get_url_name("index")}
        return [
            *super().get_urlpatterns(),
            path("live/<int:pk>/", LiveScreenView.as_view(**kwargs), name="live"),
            path("qr/<int:pk>/", QRCodeView.as_view(**kwargs), name="qr"),
            path("status/<int:pk>/", StatusView.as_view(**kwargs), name="status"),
            path("paper/<int:pk>/", PaperEntryView.as_view(**kwargs), name="paper"),
        ]
