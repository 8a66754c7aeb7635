"""The site's own CMS models: the home page and the safety settings every page shows. The EFH
section's page types live in the efh app."""

from django.conf import settings
from django.db import models
from django.http import Http404

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from efh.restrictions import ViewRestrictionsMixin

# HomePage.route finds at most this many levels of a path in one query; a longer path (deeper than
# any page here) is walked as Wagtail does, which stops at the first level it cannot find.
ROUTE_LEVELS_AT_ONCE = 8


class HomePage(ViewRestrictionsMixin, Page):
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

    def route(self, request, path_components):
        """Wagtail's walk down the tree, in two queries whatever the depth: Wagtail asks for each
        level's child by slug and then for its specific type (four queries for a guidance page).
        Every page of the path is found at once by its `url_path` (kept by Wagtail: the parent's
        plus the slug), then the last one's specific type. A page type with a `route()` of its
        own gets the rest of the path, as in Wagtail's walk; a path this does not find is left to
        Wagtail's walk (which answers 404 when there is no such page)."""
        if not path_components or len(path_components) > ROUTE_LEVELS_AT_ONCE:
            return super().route(request, path_components)
        url_paths = []
        for component in path_components:
            url_paths.append((url_paths[-1] if url_paths else self.url_path) + component + "/")
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=url_paths, path__startswith=self.path)
        }
        parent, ancestors = self, [self]
        for level, url_path in enumerate(url_paths):
            page = found.get(url_path)
            if page is None or page.depth != parent.depth + 1 or page.specific_class is None:
                return super().route(request, path_components)
            page._cached_parent_obj = parent
            last = level == len(url_paths) - 1
            if page.specific_class.route is not Page.route or last:
                page = page.specific
                page._cached_parent_obj = parent
                # The breadcrumbs' ancestors (efh_breadcrumbs), already loaded here.
                page.route_ancestors = ancestors if self.depth == 2 else None
                if page.specific_class.route is not Page.route:
                    return page.route(request, path_components[level + 1 :])
                if not page.live:
                    raise Http404
                return RouteResult(page)
            parent = page
            ancestors = [*ancestors, page]


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
