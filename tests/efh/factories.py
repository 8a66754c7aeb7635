"""factory_boy factories of the efh app: the EFH section's pages, topics and themes.

Page factories take `parent=` (required) and `publish=` (default True): a page is added under its
parent as Wagtail's admin would, and gets a revision (published unless publish=False)."""

import factory

from django.utils.text import slugify

from efh.pages import (
    ActionPlanPage,
    ActionPlanProposal,
    ActionPlanTheme,
    EFHIndexPage,
    GuidancePage,
    ReferralPathwayPage,
    Topic,
)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, user=None, **kwargs):
        # A page the admin creates as a draft is not live until it is published.
        page = model_class(*args, live=publish, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision(user=user)
        if publish:
            revision.publish(user=user)
        page.refresh_from_db()
        return page


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class EFHIndexPageFactory(PageFactory):
    class Meta:
        model = EFHIndexPage

    title = "Extra-familial harm"
    slug = "efh"
    intro = "<p>Guidance on harm outside the home.</p>"


class GuidancePageFactory(PageFactory):
    class Meta:
        model = GuidancePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guidance {n}")
    summary = "What this guidance covers."
    for_professionals = True
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Some guidance in plain words.</p>"}]
    )

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if extracted:
            page.topics.set(extracted)
            page.save()


def step(title, logic="", links=(), **fields) -> dict:
    """Raw data of one pathway step; `links` are pages (or dicts of raw link data)."""
    return {
        "type": "step",
        "value": {
            "title": title,
            "logic": logic,
            "summary": fields.get("summary", f"About {title.lower()}."),
            "who_to_contact": fields.get("who_to_contact", []),
            "thresholds": fields.get("thresholds", ""),
            "what_happens_next": fields.get("what_happens_next", ""),
            "links": [
                link
                if isinstance(link, dict)
                else {"text": "", "page": link.pk, "document": None, "url": ""}
                for link in links
            ],
        },
    }


class ReferralPathwayPageFactory(PageFactory):
    class Meta:
        model = ReferralPathwayPage

    title = factory.Sequence(lambda n: f"Pathway {n}")
    summary = "When to use this pathway."
    steps = factory.LazyFunction(lambda: [step("Tell your safeguarding lead")])


class ActionPlanThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlanTheme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))


class ActionPlanPageFactory(PageFactory):
    """`proposals`: a list of (number, theme, status) to build the plan with."""

    class Meta:
        model = ActionPlanPage

    title = "Action plan"
    intro = "<p>What the partnership will do.</p>"

    @classmethod
    def _create(cls, model_class, *args, proposals=(), **kwargs):
        page_proposals = [
            ActionPlanProposal(
                number=number,
                theme=theme,
                proposal=f"Proposal text {number}.",
                status=status,
                sort_order=number,
            )
            for number, theme, status in proposals
        ]
        return super()._create(model_class, *args, proposals=page_proposals, **kwargs)
