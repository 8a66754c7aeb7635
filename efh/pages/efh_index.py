"""The EFH section's front page (/efh/): its guidance by audience and topic, its referral pathways and
its action plan."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from efh.restrictions import ViewRestrictionsMixin, public

from .action_plan import ActionPlanPage
from .common import AUDIENCE_FIELDS, Audience, FilterFormPageMixin
from .guidance import GuidancePage
from .pathway import ReferralPathwayPage
from .topics import Topic


class EFHIndexPage(ViewRestrictionsMixin, FilterFormPageMixin, Page):
    intro = RichTextField(features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = [
        "efh.GuidancePage",
        "efh.ReferralPathwayPage",
        "efh.ActionPlanPage",
    ]
    max_count_per_parent = 1
    template = "efh/efh_index_page.html"

    class Meta:
        verbose_name = "EFH section index"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_efhindexpage"

    def get_context(self, request, *args, **kwargs):
        from .filters import GuidanceFilterForm

        context = super().get_context(request, *args, **kwargs)
        guidance = public(
            GuidancePage.objects.child_of(self).live().order_by("path").prefetch_related("topics")
        )
        form = GuidanceFilterForm(request.GET or None, topics=_topics_of(guidance))
        if form.is_filtering:
            context["filtered_guidance"] = list(form.filter(guidance).distinct())
        else:
            pages = list(guidance)
            context["guidance_by_audience"] = [
                (audience, [p for p in pages if getattr(p, AUDIENCE_FIELDS[audience])])
                for audience in Audience
            ]
        context.update({"filter_form": form, "topics": form.topics, **self.referral_routes()})
        return context

    def referral_routes(self) -> dict:
        """The live public pathways and action plans below this page, in one query: listings
        show a pathway's summary and example flag and a plan's title, so the pages are read as
        plain pages with those two columns joined in, not as two specific querysets."""
        children = (
            Page.objects.child_of(self)
            .live()
            .type(ReferralPathwayPage, ActionPlanPage)
            .annotate(
                is_example=F("referralpathwaypage__is_example"),
                summary=F("referralpathwaypage__summary"),
            )
            .order_by("path")
        )
        pathway_type = ContentType.objects.get_for_model(ReferralPathwayPage).pk
        routes = {"pathways": [], "action_plans": []}
        for page in public(children):
            routes["pathways" if page.content_type_id == pathway_type else "action_plans"].append(
                page
            )
        return routes


def _topics_of(guidance) -> list[Topic]:
    """The topics of the listed guidance, from the pages' own prefetched topics (the queryset is
    read once, here and for the listing), in the topics' own order."""
    topics = {topic.pk: topic for page in guidance for topic in page.topics.all()}
    return sorted(topics.values(), key=lambda topic: (topic.sort_order, topic.name))
