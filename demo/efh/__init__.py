"""Demo content of the EFH section, loaded by `seed_demo` after the services directory.

Idempotent: a page, topic or theme is created only when nothing with its slug exists yet, so
a second run (or `make run` after staff have edited the pages) changes nothing."""

from wagtail.models import Page

from demo.site import home_page
from efh.pages import (
    ActionPlanPage,
    ActionPlanProposal,
    ActionPlanTheme,
    EFHIndexPage,
    GuidancePage,
    RAGStatus,
    ReferralPathwayPage,
    Topic,
)
from efh.pages.common import AUDIENCE_FIELDS, Audience, today

from .action_plan import ACTION_PLAN, PROGRESS, PROPOSALS, THEMES
from .guidance import CONTEXTUAL_SAFEGUARDING, CRITICAL_MOMENTS, PRINCIPLES, TRANSITION, WHAT_IS_EFH
from .pathway import REFERRAL_PATHWAY
from .services import EXISTING_SERVICES
from .voices import FOR_PARENTS, FOR_YOUNG_PEOPLE, PARENTS_SAID, YOUNG_PEOPLE_SAID

TOPICS = [
    ("understanding-efh", "Understanding extra-familial harm"),
    ("types-of-harm", "Types of harm"),
    ("contextual-safeguarding", "Contextual safeguarding"),
    ("getting-help", "Getting help"),
    ("support-for-families", "Support for families"),
    ("transition", "Turning 18"),
    ("voices", "What young people and parents said"),
    ("working-together", "Working together"),
]

GUIDANCE = [
    WHAT_IS_EFH,
    FOR_YOUNG_PEOPLE,
    FOR_PARENTS,
    CONTEXTUAL_SAFEGUARDING,
    PRINCIPLES,
    CRITICAL_MOMENTS,
    TRANSITION,
    YOUNG_PEOPLE_SAID,
    PARENTS_SAID,
    EXISTING_SERVICES,
]

INDEX = {
    "slug": "efh",
    "title": "Extra-familial harm",
    "intro": "<p>Information and resources on extra-familial harm (EFH): harm to children and "
    "young people outside their family home. For young people, parents and carers, and "
    "professionals in Bristol: what it is, how to spot it, how to refer, and what the Keeping "
    "Bristol Safe Partnership is doing about it.</p>",
}


def seed(log) -> None:
    home = home_page()
    topics = _ensure_topics()
    index = _existing(home, EFHIndexPage, INDEX["slug"])
    if index is None:
        index = _publish(home, EFHIndexPage(**INDEX))
        log(f"EFH section: {index.url_path}")
    created = [
        page.title
        for page in (_ensure_guidance(index, data, topics) for data in GUIDANCE)
        if page is not None
    ]
    if created:
        log(f"EFH guidance: {len(created)} pages")
    if _ensure_pathway(index, REFERRAL_PATHWAY):
        log("EFH referral pathway (an example for the partnership to confirm)")
    if _ensure_action_plan(index):
        log(f"EFH action plan: {len(PROPOSALS)} proposals under {len(THEMES)} themes")


def _existing(parent: Page, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _stream(blocks: list[tuple]) -> list[dict]:
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def _ensure_topics() -> dict[str, Topic]:
    topics = {}
    for order, (slug, name) in enumerate(TOPICS, 1):
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order * 10}
        )
    return topics


def _ensure_guidance(index: Page, data: dict, topics: dict[str, Topic]) -> GuidancePage | None:
    if _existing(index, GuidancePage, data["slug"]):
        return None
    body = data["body"]
    if callable(body):
        body = body(directory_holds_them=_directory_holds_appendix_services())
    page = GuidancePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        body=_stream(body),
        **{AUDIENCE_FIELDS[Audience(a)]: True for a in data["audiences"]},
    )
    if "reviewed_days_ago" in data:
        from datetime import timedelta

        page.last_reviewed = today() - timedelta(days=data["reviewed_days_ago"])
        page.next_review_due = today() - data["review_overdue_by"]
    page.topics = [topics[slug] for slug in data["topics"]]
    return _publish(index, page)


def _directory_holds_appendix_services() -> bool:
    from services_directory.queries import related_services

    from .services import GROUPS

    return all(related_services(needs, limit=1) for _, needs, _ in GROUPS)


def _resolve_link(index: Page, link: dict) -> dict:
    page = None
    if "page_slug" in link:
        page = Page.objects.child_of(index).get(slug=link["page_slug"])
    return {
        "text": link.get("text", ""),
        "page": page.pk if page else None,
        "document": None,
        "url": link.get("url", ""),
    }


def _ensure_pathway(index: Page, data: dict) -> ReferralPathwayPage | None:
    if _existing(index, ReferralPathwayPage, data["slug"]):
        return None
    steps = [
        ("step", {**step, "links": [_resolve_link(index, link) for link in step["links"]]})
        for step in data["steps"]
    ]
    page = ReferralPathwayPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        is_example=data["is_example"],
        steps=_stream(steps),
    )
    return _publish(index, page)


def _ensure_action_plan(index: Page) -> ActionPlanPage | None:
    if _existing(index, ActionPlanPage, ACTION_PLAN["slug"]):
        return None
    themes = {}
    for order, (slug, name) in enumerate(THEMES, 1):
        themes[slug], _ = ActionPlanTheme.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order * 10}
        )
    page = ActionPlanPage(**ACTION_PLAN)
    page.proposals = [
        ActionPlanProposal(
            number=number,
            theme=themes[theme],
            proposal=text,
            status=PROGRESS.get(number, (RAGStatus.NOT_STARTED, ""))[0],
            progress=PROGRESS.get(number, ("", ""))[1],
            sort_order=number,
        )
        for number, theme, text in PROPOSALS
    ]
    return _publish(index, page)
