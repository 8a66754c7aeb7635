"""StreamField blocks of the EFH section: the guidance body and the steps of a referral pathway.

Every block renders with its own template under templates/efh/blocks/. Headings inside blocks
are h2 (the block's own heading) and h3 (its items), so a page built from them never skips a level.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

BODY_FEATURES = ["h3", "bold", "italic", "link", "document-link", "ol", "ul"]
SHORT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2) inside the body."""

    class Meta:
        icon = "title"
        label = "Heading"
        template = "efh/blocks/heading.html"
        form_classname = "title"


class CalloutStyle:
    INFO = "info"
    WARNING = "warning"
    EMERGENCY = "emergency"
    CHOICES = [
        (INFO, "Information"),
        (WARNING, "Warning"),
        (EMERGENCY, "Emergency care card (for example: a child in immediate danger, call 999)"),
    ]


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(choices=CalloutStyle.CHOICES, default=CalloutStyle.INFO)
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=SHORT_FEATURES)

    class Meta:
        icon = "warning"
        label = "Callout or care card"
        template = "efh/blocks/callout.html"


class QuoteBlock(blocks.StructBlock):
    """The words of a young person or a parent, with the attribution the source gives them."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(
        max_length=120, help_text='Who said it, without a name: e.g. "Female, 16 years".'
    )

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "efh/blocks/quote.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    text = blocks.RichTextBlock(features=SHORT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=160, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordion"
        template = "efh/blocks/accordion.html"


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=160, default="Downloads")
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        label = "Downloadable documents"
        template = "efh/blocks/documents.html"


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=160, help_text="A team or service, not a person's name.")
    role = blocks.CharBlock(max_length=255, required=False, help_text="When to contact them.")
    phone = blocks.CharBlock(max_length=40, required=False)
    email = blocks.EmailBlock(required=False)
    url = blocks.URLBlock(required=False, label="Website")
    hours = blocks.CharBlock(max_length=160, required=False, help_text="e.g. Mon-Fri 9am-5pm")

    class Meta:
        icon = "user"
        label = "Contact card"
        template = "efh/blocks/contact_card.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value["phone"] or value["email"] or value["url"]):
            raise blocks.StructBlockValidationError(
                non_block_errors=["Give at least one way to get in touch: phone, email or website."]
            )
        return value


class ServiceSummaryBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=160)
    provider = blocks.CharBlock(max_length=255, required=False, help_text="Who runs it.")
    description = blocks.TextBlock()


class ServiceListBlock(blocks.StructBlock):
    """Services described in words, for those the services directory does not hold yet."""

    heading = blocks.CharBlock(max_length=160)
    intro = blocks.TextBlock(required=False)
    services = blocks.ListBlock(ServiceSummaryBlock(), min_num=1)

    class Meta:
        icon = "group"
        label = "List of services"
        template = "efh/blocks/service_list.html"


def need_choices() -> list[tuple[str, str]]:
    """The services directory's needs vocabulary (seeded by its migrations), read each time an
    editing form is built so new needs appear without a code change."""
    from services_directory.models import TaxonomyTerm

    try:
        return [(term.slug, term.name) for term in TaxonomyTerm.objects.needs().order_by("name")]
    except DatabaseError:  # before the directory's tables exist (e.g. while migrating)
        return []


class RelatedServicesBlock(blocks.StructBlock):
    """Published services from the directory tagged with any of the chosen needs."""

    heading = blocks.CharBlock(max_length=160, default="Services that can help")
    needs = blocks.MultipleChoiceBlock(
        choices=need_choices,
        help_text="Services tagged with any of these needs are listed, recently checked first.",
    )
    limit = blocks.IntegerBlock(min_value=1, max_value=12, default=5, label="How many at most")

    class Meta:
        icon = "site"
        label = "Related services (from the directory)"
        template = "efh/blocks/related_services.html"

    def get_context(self, value, parent_context=None):
        from services_directory.queries import related_services

        context = super().get_context(value, parent_context)
        needs = list(value["needs"] or [])
        context["services"] = related_services(needs, value["limit"] or 5)
        context["directory_url"] = (
            reverse("services_directory:directory")
            + "?"
            + urlencode([("need", need) for need in needs])
        )
        # Two such blocks on one page differ by heading or needs; the id must differ too.
        context["dom_id"] = slugify(f"related {value['heading']} {' '.join(needs)}")[:80]
        return context


class LinkValue(blocks.StructValue):
    @cached_property
    def href(self) -> str:
        if self["page"]:
            return self["page"].url or ""
        if self["document"]:
            return self["document"].url
        return self["url"] or ""

    @cached_property
    def label(self) -> str:
        if self["text"]:
            return self["text"]
        target = self["page"] or self["document"]
        return target.title if target else self["url"]


class LinkBlock(blocks.StructBlock):
    """A link to one of: a page of this site, a document, or another website."""

    text = blocks.CharBlock(max_length=160, required=False, help_text="Defaults to the title.")
    page = blocks.PageChooserBlock(required=False)
    document = DocumentChooserBlock(required=False, label="Document or form")
    url = blocks.URLBlock(required=False, label="Other website")

    class Meta:
        icon = "link"
        label = "Link"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value[name]]
        if len(targets) != 1:
            raise blocks.StructBlockValidationError(
                non_block_errors=["Choose exactly one of: a page, a document or another website."]
            )
        if value["url"] and not value["text"]:
            raise blocks.StructBlockValidationError(
                block_errors={"text": ValidationError("Say where a link to another website goes.")}
            )
        return value


class StepLogic:
    """How a step of a pathway relates to the one before it (the GOV.UK step by step pattern)."""

    NUMBERED = ""
    AND = "and"
    OR = "or"
    CHOICES = [
        (NUMBERED, "A new numbered step"),
        (AND, "“and”: do this as well as the step before"),
        (OR, "“or”: do this instead of the step before"),
    ]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    logic = blocks.ChoiceBlock(
        choices=StepLogic.CHOICES,
        default=StepLogic.NUMBERED,
        required=False,
        label="Step type",
        help_text="“and” and “or” steps share the number of the step before them.",
    )
    summary = blocks.TextBlock(required=False, help_text="One or two sentences: what this step is.")
    who_to_contact = blocks.ListBlock(ContactCardBlock(), default=[], label="Who to contact")
    thresholds = blocks.RichTextBlock(
        features=SHORT_FEATURES, required=False, help_text="When this step applies."
    )
    what_happens_next = blocks.RichTextBlock(features=SHORT_FEATURES, required=False)
    links = blocks.ListBlock(LinkBlock(), default=[], label="Forms and links")

    class Meta:
        icon = "list-ol"
        label = "Step"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        if value and value[0].value["logic"] != StepLogic.NUMBERED:
            raise blocks.StreamBlockValidationError(
                block_errors={
                    0: blocks.StructBlockValidationError(
                        block_errors={
                            "logic": ValidationError(
                                "The first step cannot be an “and” or “or” step: there is no step "
                                "before it."
                            )
                        }
                    )
                }
            )
        return value


class GuidanceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=BODY_FEATURES, template="efh/blocks/paragraph.html")
    callout = CalloutBlock()
    quote = QuoteBlock()
    accordion = AccordionBlock()
    documents = DocumentListBlock()
    contact = ContactCardBlock()
    services = ServiceListBlock()
    related_services = RelatedServicesBlock()
