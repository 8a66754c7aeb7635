"""The strategy's action plan: its proposals grouped under its themes, each with a lead, a date, progress
notes and a RAG status that staff keep current."""

from collections import Counter

from modelcluster.fields import ParentalKey

from django.db import models

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from efh.restrictions import ViewRestrictionsMixin

from .common import FilterFormPageMixin, ReviewDatesMixin


class RAGStatus(models.TextChoices):
    NOT_STARTED = "not-started", "Not started"
    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"
    COMPLETE = "complete", "Complete"


class ActionPlanTheme(models.Model):
    """A theme of the strategy ("Contextualise our systems", "Protection through participation")."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in filter links.")
    summary = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "action plan theme"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_actionplantheme"

    def __str__(self):
        return self.name


class ActionPlanPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Proposals are referred to by number ("proposal 5"), so two may not share one. Checked
        # here rather than by a database constraint, which renumbering two rows would trip.
        formset = self.formsets.get("proposals")
        if formset is None or not formset.is_valid():
            return cleaned_data
        seen = {}
        for form in formset.forms:
            if form in formset.deleted_forms or not getattr(form, "cleaned_data", None):
                continue
            number = form.cleaned_data.get("number")
            if number is None:
                continue
            if number in seen:
                form.add_error("number", f"Proposal {number} is already in this plan.")
            seen[number] = form
        return cleaned_data


class ActionPlanPage(ViewRestrictionsMixin, FilterFormPageMixin, ReviewDatesMixin, Page):
    intro = RichTextField(features=["bold", "italic", "link", "ol", "ul"])
    governance = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Who monitors this plan and how often.",
    )

    base_form_class = ActionPlanPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("governance"),
        InlinePanel("proposals", heading="Proposals", label="Proposal"),
        ReviewDatesMixin.review_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("proposals", [index.SearchField("proposal")]),
    ]

    parent_page_types = ["efh.EFHIndexPage"]
    subpage_types: list[str] = []
    template = "efh/action_plan_page.html"

    class Meta:
        verbose_name = "action plan"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_actionplanpage"

    def status_counts(self, proposals=None) -> list[tuple[str, str, int]]:
        """(status, label, count) for every status, in the order of RAGStatus."""
        proposals = list(self.proposals.all()) if proposals is None else proposals
        counts = Counter(proposal.status for proposal in proposals)
        return [(status.value, status.label, counts[status.value]) for status in RAGStatus]

    def get_context(self, request, *args, **kwargs):
        from .filters import ActionPlanFilterForm

        context = super().get_context(request, *args, **kwargs)
        # Filtered in Python: a plan holds a few dozen proposals, and a preview's proposals exist
        # only in memory, so one code path serves both.
        proposals = sorted(self.proposals.select_related("theme"), key=lambda p: p.number)
        themes = {p.theme_id: p.theme for p in proposals}
        form = ActionPlanFilterForm(
            request.GET or None,
            themes=sorted(themes.values(), key=lambda t: (t.sort_order, t.name)),
        )
        shown = proposals
        if form.is_bound and form.is_valid():
            shown = form.filter(proposals)
        grouped = []
        for theme in form.themes:
            items = [p for p in shown if p.theme_id == theme.pk]
            if items:
                grouped.append((theme, items))
        context.update(
            {
                "filter_form": form,
                "status_counts": self.status_counts(proposals),
                "proposal_count": len(proposals),
                "shown_count": len(shown),
                "grouped_proposals": grouped,
            }
        )
        return context


class ActionPlanProposal(Orderable):
    page = ParentalKey(ActionPlanPage, on_delete=models.CASCADE, related_name="proposals")
    number = models.PositiveSmallIntegerField()
    theme = models.ForeignKey(ActionPlanTheme, on_delete=models.PROTECT, related_name="proposals")
    proposal = models.TextField()
    lead = models.CharField(
        "Lead officer or agency", max_length=255, blank=True, help_text="Blank: to be confirmed."
    )
    due = models.DateField("By when", null=True, blank=True, help_text="Blank: to be agreed.")
    progress = models.TextField("Progress notes", blank=True)
    status = models.CharField(
        "RAG status", max_length=12, choices=RAGStatus.choices, default=RAGStatus.NOT_STARTED
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("theme")]),
        FieldPanel("proposal"),
        FieldRowPanel([FieldPanel("lead"), FieldPanel("due")]),
        FieldPanel("status"),
        FieldPanel("progress"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "proposal"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_actionplanproposal"

    def __str__(self):
        return f"Proposal {self.number}"
