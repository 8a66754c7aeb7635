"""Demo content of participation (called by `seed_demo`; idempotent, everything marked is_demo).

Ideas for youth provision in the words young people use in the strategy (youth clubs, mentoring,
sport, music, arts), published with the partnership's answers; "you said, we did" outcomes; and a
few contributions still waiting for moderation, so the moderation queue has something to show.
The synthetic approved pins of the community map are the mapping app's demo."""

import random

from django.db import transaction
from django.utils import timezone

from moderation.models import ModerationItem, ModerationStatus
from participation.codes import keyed_hash
from participation.models import (
    Area,
    Outcome,
    ProgressNote,
    Proposal,
    Reason,
    ResponseStatus,
    Support,
)
from participation.reasons import ensure_default_reasons
from participation.services import PinSubmission, ProposalSubmission, create_pin, create_proposal
from places.models import NamedPlace

# (title, what, where, when, why, status, status reason or answer, progress notes)
IDEAS = [
    (
        "Friday night youth club in Hartcliffe",
        "youth-club",
        "hartcliffe",
        "evenings",
        "There is nowhere to go on Friday nights, so people just hang around the shops.",
        "planned",
        "The youth service will open the community centre on Fridays from spring.",
        ["Met the community centre's trustees.", "Youth workers recruited for Friday nights."],
    ),
    (
        "Boxing and fitness sessions",
        "sport",
        "lawrence-hill",
        "after-school",
        "Something to do straight after school that keeps you fit and out of trouble.",
        "happening",
        "Free sessions run every Tuesday and Thursday, 4pm to 6pm.",
        ["First session held: 24 young people came."],
    ),
    (
        "A music studio we can use",
        "music",
        "st-pauls",
        "weekends",
        "Lots of us make music on our phones but have nowhere to record it properly.",
        "under-consideration",
        "We are talking to two studios about free weekend slots.",
        [],
    ),
    (
        "Mentors who have been through it",
        "mentoring",
        "south",
        "any-time",
        "Someone a bit older who gets it, not another professional asking questions.",
        "planned",
        "A peer mentoring scheme will train its first mentors this year.",
        [],
    ),
    (
        "Pop-up youth club in the park in summer",
        "pop-up-youth-club",
        "eastville-park",
        "school-holidays",
        "In the summer holidays there is nothing organised and it gets rowdy.",
        "not-possible",
        "The park's events calendar is full this summer; we are looking at Stoke Park instead.",
        [],
    ),
    (
        "Art space with graffiti walls",
        "arts",
        "bedminster",
        "weekends",
        "A legal place to paint so people stop getting in trouble for it.",
        "received",
        "",
        [],
    ),
    (
        "Somewhere safe to wait for the bus",
        "safe-space",
        "city-centre",
        "evenings",
        "Waiting at the bus station late feels sketchy; a warm place with staff would help.",
        "under-consideration",
        "",
        ["Walked the route with young people and transport staff."],
    ),
]

OUTCOMES = [
    (
        "south",
        "There is nothing to do on Friday nights in Hartcliffe and Withywood.",
        "The youth service is opening the community centre on Friday evenings, with youth workers "
        "young people helped to choose.",
        0,
    ),
    (
        "east-central",
        "Young people want sport after school, close to home.",
        "Free boxing and fitness sessions now run twice a week in Lawrence Hill.",
        1,
    ),
    (
        "central",
        "The bus station and the underpasses around it feel unsafe after dark.",
        "New lighting has been put in along the walkway to the bus station, and staff patrol "
        "it in the evenings.",
        None,
    ),
]

# Waiting for moderation: one with personal data to redact, one an everyday comment.
PENDING_PINS = [
    (
        "unsafe",
        "stapleton-road",
        "evening",
        ["adults-hanging-around"],
        "Older lads hang around outside the shop, text 07700 900123 if you want to know who.",
    ),
    (
        "unsafe",
        "castle-park",
        "night",
        ["poor-lighting", "isolated"],
        "The path by the river is really dark and there is nobody around.",
    ),
    ("safe", "gloucester-road", "after-school", ["busy-and-well-lit", "things-to-do"], ""),
]


def demo_contributor(n) -> str:
    return keyed_hash("contributor", f"demo-contributor-{n}")


def _publish(contribution) -> None:
    now = timezone.now()
    ModerationItem.objects.filter(pk=contribution.moderation_id).update(
        status=ModerationStatus.APPROVED,
        published_text=contribution.moderation_text(),
        scanned_at=now,
        decided_at=now,
    )


def _ideas(log) -> list[Proposal]:
    rng = random.Random(5)
    ideas = []
    for n, (title, what, where, when, why, status, answer, notes) in enumerate(IDEAS):
        place = NamedPlace.objects.filter(slug=where).first()
        submission = ProposalSubmission(
            title=title,
            what=what,
            area=Area.of_place(place) if place else where,
            when=when,
            why=why,
            place=place,
        )
        proposal = create_proposal(submission, contributor=demo_contributor(n), is_demo=True)
        _publish(proposal)
        proposal.status = status
        if status == ResponseStatus.NOT_POSSIBLE:
            proposal.status_reason = answer
        else:
            proposal.response = answer
        proposal.save()
        for text in notes:
            ProgressNote.objects.create(proposal=proposal, text=text)
        Support.objects.bulk_create(
            Support(proposal=proposal, contributor=demo_contributor(f"supporter-{k}"))
            for k in range(rng.randint(3, 40))
        )
        ideas.append(proposal)
    log(f"Ideas for youth provision: {len(ideas)} published, with answers")
    return ideas


def seed(log) -> None:
    created = ensure_default_reasons(Reason)
    if created:
        log(f"Reasons: {created} added")
    if Proposal.objects.filter(is_demo=True).exists():
        return
    with transaction.atomic():
        ideas = _ideas(log)
        for area, you_said, we_did, idea in OUTCOMES:
            outcome = Outcome.objects.create(
                area=area, you_said=you_said, we_did=we_did, is_demo=True
            )
            if idea is not None:
                outcome.proposals.add(ideas[idea])
        log(f"You said, we did: {len(OUTCOMES)} outcomes")
        reasons = {reason.slug: reason for reason in Reason.objects.all()}
        for n, (feeling, where, when, reason_slugs, comment) in enumerate(PENDING_PINS):
            place = NamedPlace.objects.get(slug=where)
            create_pin(
                PinSubmission(
                    feeling=feeling,
                    lat=place.lat,
                    lng=place.lng,
                    location_source="place",
                    place=place,
                    reasons=tuple(reasons[slug] for slug in reason_slugs if slug in reasons),
                    when=when,
                    comment=comment,
                ),
                contributor=demo_contributor(f"pin-{n}"),
                is_demo=True,
            )
        pending_idea = ProposalSubmission(
            title="Cooking club",
            what="other",
            area="north",
            when="after-school",
            why="Learn to cook cheap meals with friends. Ask for Jamie at the youth centre.",
        )
        create_proposal(pending_idea, contributor=demo_contributor("idea"), is_demo=True)
        log(f"Waiting for moderation: {len(PENDING_PINS)} pins and 1 idea")
