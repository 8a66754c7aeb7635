"""The site's own CMS models: the home page and the safety settings every page shows. The EFH
section's page types live in the efh app."""

from django.conf import settings
from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


class HomePage(Page):
    """The front door: three routes (young people, parents and carers, professionals)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    young_people_text = models.CharField(
        max_length=255,
        default="Show us where you feel safe or unsafe, share ideas for things to do, and see "
        "what changed.",
    )
    parents_text = models.CharField(
        max_length=255,
        default="Find support near you, in the evenings and at weekends, and other parents who "
        "have been there.",
    )
    professionals_text = models.CharField(
        max_length=255,
        default="Guidance on extra-familial harm, contextual safeguarding and how to refer.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("young_people_text"),
        FieldPanel("parents_text"),
        FieldPanel("professionals_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class LocalContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120)
    phone = blocks.CharBlock(max_length=40, required=False)
    url = blocks.URLBlock(required=False)
    description = blocks.CharBlock(max_length=255, required=False)
    hours = blocks.CharBlock(max_length=120, required=False, help_text="e.g. Mon-Fri 9am-5pm")

    class Meta:
        icon = "user"
        label = "Local contact"


@register_setting(icon="help")
class SafetySettings(BaseSiteSetting):
    """What every public page offers someone who needs to leave or get help quickly."""

    exit_url = models.URLField(
        default=settings.EXIT_PAGE_DEFAULT_URL,
        help_text="The neutral site that 'Exit this page' replaces the page with.",
    )
    local_contacts = StreamField(
        [("contact", LocalContactBlock())],
        blank=True,
        use_json_field=True,
        help_text="Local numbers shown under 'Get help now', after 999 and Childline.",
    )

    panels = [FieldPanel("exit_url"), FieldPanel("local_contacts")]

    class Meta:
        verbose_name = "safety and help"
