"""The EFH section's front page (/efh/): its guidance by audience and topic, its referral pathways and
its action plan."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .action_plan import ActionPlanPage
from .common import AUDIENCE_FIELDS, Audience, FilterFormPageMixin
from .guidance import GuidancePage
from .pathway import ReferralPathwayPage
from .topics import Topic


class EFHIndexPage(FilterFormPageMixin, Page):
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
        guidance = (
            GuidancePage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .prefetch_related("topics")
        )
        topics = Topic.objects.filter(guidance_pages__in=guidance).distinct()
        form = GuidanceFilterForm(request.GET or None, topics=topics)
        if form.is_filtering:
            context["filtered_guidance"] = list(form.filter(guidance).distinct())
        else:
            pages = list(guidance)
            context["guidance_by_audience"] = [
                (audience, [p for p in pages if getattr(p, AUDIENCE_FIELDS[audience])])
                for audience in Audience
            ]
        context.update(
            {
                "filter_form": form,
                "topics": form.topics,
                "pathways": ReferralPathwayPage.objects.child_of(self).live().public(),
                "action_plans": ActionPlanPage.objects.child_of(self).live().public(),
            }
        )
        return context
