"""A guidance page of the EFH section: what EFH is, what to look for, where to get help."""

from modelcluster.fields import ParentalManyToManyField

from django import forms
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from efh.blocks import GuidanceBodyBlock
from efh.restrictions import ViewRestrictionsMixin

from .common import AudienceMixin, ReviewDatesMixin
from .pathway import ReferralPathwayPage


class GuidancePage(ViewRestrictionsMixin, ReviewDatesMixin, AudienceMixin, Page):
    summary = models.TextField(
        max_length=400, help_text="One or two sentences. Shown under the title and in listings."
    )
    topics = ParentalManyToManyField("efh.Topic", blank=True, related_name="guidance_pages")
    body = StreamField(GuidanceBodyBlock(), use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        AudienceMixin.audience_panel,
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        ReviewDatesMixin.review_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *AudienceMixin.audience_search_fields,
    ]

    parent_page_types = ["efh.EFHIndexPage"]
    subpage_types: list[str] = []
    template = "efh/guidance_page.html"

    class Meta:
        verbose_name = "guidance page"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_guidancepage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pathways"] = [
            (pathway, pathway.numbered_steps(current_page_id=self.pk))
            for pathway in ReferralPathwayPage.linking_to(self)
        ]
        return context
