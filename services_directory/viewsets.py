"""Staff editing of the directory in Wagtail's admin (the Directory managers group).

One "Directory" menu: services and places (with a "Needs review" list), listing reports,
organisations, locations, vocabularies, and the gazetteer of named places."""

import django_filters

from django import forms
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from places.models import NamedPlace
from staff.admin import PermissionMenuItem

from .admin_forms import DayCheckboxes, ServiceAdminForm
from .models import (
    FeedbackStatus,
    ListingFeedback,
    Location,
    Organization,
    Service,
    Taxonomy,
    TaxonomyTerm,
)

REVIEW_CHOICES = [
    ("due", "Needs review (not checked for 3 months, due, or reported)"),
    ("sinking", "Not checked for 12 months (sinks in public results)"),
    ("reported", "Has open reports from the public"),
]


class ServiceFilterSet(WagtailFilterSet):
    review = django_filters.ChoiceFilter(
        label="Review", choices=REVIEW_CHOICES, method="filter_review", empty_label="All"
    )
    terms = django_filters.ModelChoiceFilter(
        label="Need or audience", queryset=TaxonomyTerm.objects.all()
    )

    class Meta:
        model = Service
        fields = ["kind", "status", "live", "is_demo"]

    def filter_review(self, queryset, name, value):
        if value == "due":
            return queryset.needing_review()
        if value == "sinking":
            return queryset.sinking()
        if value == "reported":
            return queryset.filter(feedback__status=FeedbackStatus.OPEN).distinct()
        return queryset


class ReviewColumn(Column):
    """'Due' or 'Overdue' beside each record, so the list reads as a work queue."""

    def get_value(self, instance):
        if instance.is_sinking():
            return "Overdue: sinks in public results"
        if instance.next_review and instance.next_review <= timezone.localdate():
            return "Review due"
        return ""


SERVICE_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldPanel("organization"),
                FieldPanel("description"),
                FieldPanel("alert"),
                FieldRowPanel([FieldPanel("url"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("slug"), FieldPanel("is_demo")]),
            ],
            heading="About",
        ),
        ObjectList(
            [
                FieldPanel("terms", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                InlinePanel("languages", heading="Languages", label="Language"),
            ],
            heading="Who and what",
        ),
        ObjectList(
            [
                FieldPanel("how_to_access"),
                FieldRowPanel([FieldPanel("self_referral"), FieldPanel("professional_referral")]),
                InlinePanel("phones", heading="Phone numbers", label="Phone number"),
                InlinePanel("contacts", heading="Contacts", label="Contact"),
            ],
            heading="How to get help",
        ),
        ObjectList(
            [
                InlinePanel(
                    "schedules",
                    heading="Opening times",
                    label="Opening time",
                    panels=[
                        FieldRowPanel(
                            [FieldPanel("freq"), FieldPanel("opens_at"), FieldPanel("closes_at")]
                        ),
                        FieldPanel("byday", widget=DayCheckboxes),
                        FieldPanel("description"),
                        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                    ],
                ),
                InlinePanel(
                    "service_at_locations",
                    heading="Where it happens",
                    label="Location",
                    help_text="Leave empty for a city-wide service. Confidential locations are never shown.",
                ),
                InlinePanel("service_areas", heading="Areas covered", label="Area"),
            ],
            heading="When and where",
        ),
        ObjectList(
            [FieldPanel("free"), FieldPanel("fees"), InlinePanel("cost_options", label="Cost")],
            heading="Cost",
        ),
        ObjectList(
            [
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("assured_date"), FieldPanel("next_review")]),
                        FieldPanel("assurer_email"),
                    ],
                    heading="Checks",
                    help_text="Records not checked for 3 months go on the Needs review list; "
                    "after 12 months they sink to the bottom of public results.",
                ),
                FieldPanel("accreditations"),
            ],
            heading="Checks",
        ),
    ],
    base_form_class=ServiceAdminForm,
)


class DirectoryViewSet(SnippetViewSet):
    """The directory's admin lists: searched in the database, not a search index, and each list
    loads the records its columns name in the same query."""

    search_backend_name = None
    list_related: tuple[str, ...] = ()

    def get_queryset(self, request):
        # None: Wagtail's own queryset, for lists that show nothing related.
        if self.list_related:
            return self.model._default_manager.select_related(*self.list_related)
        return None


class ServiceViewSet(DirectoryViewSet):
    model = Service
    icon = "list-ul"
    menu_label = "Services and places"
    list_display = [
        "name",
        "kind",
        "organization",
        LiveStatusTagColumn(),
        DateColumn("assured_date", label="Last checked"),
        ReviewColumn("review", label="Review"),
    ]
    list_export = ["id", "name", "kind", "organization", "status", "assured_date", "next_review"]
    filterset_class = ServiceFilterSet
    search_fields = ["name", "description", "organization__name"]
    list_related = ("organization",)
    ordering = ["name"]
    inspect_view_enabled = True
    edit_handler = SERVICE_PANELS


class FeedbackViewSet(DirectoryViewSet):
    model = ListingFeedback
    icon = "warning"
    menu_label = "Reports from the public"
    list_display = ["service", "kind", "status", DateColumn("created_at", label="Received")]
    list_filter = ["status", "kind"]
    search_fields = ["service__name", "comment"]
    list_related = ("service",)
    inspect_view_enabled = True
    copy_view_enabled = False


class OrganizationViewSet(DirectoryViewSet):
    model = Organization
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "website", "charity_number"]
    search_fields = ["name", "description"]


class LocationViewSet(DirectoryViewSet):
    model = Location
    icon = "site"
    menu_label = "Locations"
    list_display = ["name", "location_type", "place", "confidential"]
    list_filter = ["confidential", "location_type"]
    search_fields = ["name", "description", "addresses__address_1", "addresses__postal_code"]


class TaxonomyTermViewSet(DirectoryViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = "Needs and audiences"
    list_display = ["name", "taxonomy", "slug", "synonyms"]
    list_filter = ["taxonomy"]
    search_fields = ["name", "synonyms", "slug"]


class TaxonomyViewSet(DirectoryViewSet):
    model = Taxonomy
    icon = "folder-open-inverse"
    menu_label = "Vocabularies"
    list_display = ["name", "slug", "version"]


class NamedPlaceViewSet(DirectoryViewSet):
    model = NamedPlace
    icon = "thumbtack"
    menu_label = "Named places (gazetteer)"
    list_display = ["name", "kind", "area", "active"]
    list_filter = ["kind", "area", "active"]
    search_fields = ["name", "aliases", "area"]
    list_per_page = 100


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        ServiceViewSet,
        FeedbackViewSet,
        OrganizationViewSet,
        LocationViewSet,
        TaxonomyTermViewSet,
        TaxonomyViewSet,
        NamedPlaceViewSet,
    )

    def get_submenu_items(self):
        items = super().get_submenu_items()
        review = PermissionMenuItem(
            "Needs review",
            reverse("wagtailsnippets_services_directory_service:list")
            + "?review=due&ordering=assured_date",
            name="directory-needs-review",
            icon_name="time",
            order=1,
            permission="services_directory.change_service",
        )
        return [items[0], review, *items[1:]]
