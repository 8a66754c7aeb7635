"""A referral pathway: the GOV.UK "step by step" pattern, as a page of its own and as a sidebar on
the guidance pages its steps link to."""

from dataclasses import dataclass, field

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from efh.blocks import StepLogic, StepsBlock
from efh.restrictions import ViewRestrictionsMixin, public

from .common import ReviewDatesMixin

EXAMPLE_NOTE = (
    "This is an example pathway for the Keeping Bristol Safe Partnership to confirm. Check it "
    "against your own agency's safeguarding procedures before you rely on it."
)


@dataclass
class PathwayStep:
    """One step as people read it: its number, whether it is an "and"/"or" step, its content."""

    position: int  # 1, 2, 3 ... for every step, used for ids
    number: int  # the number shown; "and"/"or" steps share the number of the step before
    logic: str
    value: object  # the StepBlock's StructValue
    page_ids: set[int] = field(default_factory=set)
    is_current: bool = False  # in a sidebar: this step links to the page being read

    @property
    def title(self) -> str:
        return self.value["title"]

    @property
    def label(self) -> str:
        """What the circle says: the number, or "and" / "or"."""
        return self.logic or str(self.number)


def _list_items(raw_list) -> list:
    # ListBlock raw data is a list of {"type": "item", "value": ...} since Wagtail 2.16, and a
    # plain list of values before it; pages migrated from old data may hold either.
    items = []
    for item in raw_list or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append(item["value"])
        else:
            items.append(item)
    return items


def _linked_page_ids(raw_step_value: dict) -> set[int]:
    return {
        link["page"]
        for link in _list_items(raw_step_value.get("links"))
        if isinstance(link, dict) and link.get("page")
    }


class ReferralPathwayPage(ViewRestrictionsMixin, ReviewDatesMixin, Page):
    summary = models.TextField(
        max_length=400, help_text="Who this pathway is for and when to use it. Shown in listings."
    )
    is_example = models.BooleanField(
        default=False,
        verbose_name="Example only",
        help_text="Shows a notice that the partnership has not confirmed this pathway yet.",
    )
    example_note = models.TextField(blank=True, default=EXAMPLE_NOTE)
    steps = StreamField(StepsBlock(), use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("is_example"), FieldPanel("example_note")], heading="Status of this pathway"
        ),
        FieldPanel("steps"),
        ReviewDatesMixin.review_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("steps"),
    ]

    parent_page_types = ["efh.EFHIndexPage"]
    subpage_types: list[str] = []
    template = "efh/referral_pathway_page.html"

    class Meta:
        verbose_name = "referral pathway"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_referralpathwaypage"

    def numbered_steps(self, current_page_id: int | None = None) -> list[PathwayStep]:
        steps = []
        number = 0
        raw_steps = list(self.steps.raw_data)
        for position, (child, raw) in enumerate(zip(self.steps, raw_steps, strict=True), 1):
            logic = child.value["logic"] or StepLogic.NUMBERED
            if logic == StepLogic.NUMBERED or number == 0:
                number += 1
            page_ids = _linked_page_ids(raw.get("value") or {})
            steps.append(
                PathwayStep(
                    position=position,
                    number=number,
                    logic=logic if position > 1 else StepLogic.NUMBERED,
                    value=child.value,
                    page_ids=page_ids,
                    is_current=current_page_id in page_ids,
                )
            )
        return steps

    def linked_page_ids(self) -> set[int]:
        ids: set[int] = set()
        for raw in self.steps.raw_data:
            ids |= _linked_page_ids(raw.get("value") or {})
        return ids

    @classmethod
    def linking_to(cls, page: Page) -> list["ReferralPathwayPage"]:
        """The live pathways with a step that links to `page`: shown beside it as a sidebar.
        Pathways are few, so reading their stream data beats keeping a link table in step."""
        return [
            pathway
            for pathway in public(cls.objects.live()).order_by("path")
            if page.pk in pathway.linked_page_ids()
        ]
