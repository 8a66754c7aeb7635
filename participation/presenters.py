"""Public views of contributions: only what `published()` lets through, and only moderation's
published words. Shared by the pages and the JSON API so both show exactly the same."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from .models import Area, Outcome, ProgressNote, Proposal, ResponseStatus


@dataclass
class PublicProposal:
    id: str
    title: str
    why: str
    what: str
    what_label: str
    where_slug: str
    where_label: str
    area: str
    area_label: str
    when: str
    when_label: str
    supporters: int
    status: str
    status_label: str
    status_reason: str
    response: str
    responded_at: object
    progress: list = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return self.status != ResponseStatus.RECEIVED or bool(self.response or self.progress)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "what": self.what,
            "where": {"slug": self.where_slug, "label": self.where_label, "area": self.area},
            "when": self.when,
            "why": self.why,
            "supporters": self.supporters,
            "response": {
                "status": self.status,
                "label": self.status_label,
                "reason": self.status_reason,
                "text": self.response,
                "updated": self.responded_at.date().isoformat() if self.responded_at else None,
                "progress": [
                    {"date": note.date.isoformat(), "text": note.text} for note in self.progress
                ],
            },
        }


def present(proposal: Proposal) -> PublicProposal:
    title, why = proposal.public_words()
    return PublicProposal(
        id=str(proposal.pk),
        title=title,
        why=why,
        what=proposal.what,
        what_label=proposal.get_what_display(),
        where_slug=proposal.place.slug if proposal.place_id else proposal.area,
        where_label=proposal.where_label,
        area=proposal.area,
        area_label=proposal.get_area_display(),
        when=proposal.when,
        when_label=proposal.get_when_display(),
        supporters=getattr(proposal, "support_count", 0),
        status=proposal.status,
        status_label=proposal.get_status_display(),
        status_reason=proposal.status_reason if proposal.status == "not-possible" else "",
        response=proposal.response,
        responded_at=proposal.responded_at,
        progress=list(proposal.progress_notes.all()),
    )


def published_proposals(*, area: str = "", answered_only: bool = False) -> list[PublicProposal]:
    proposals = (
        Proposal.objects.published()
        .with_support()
        .select_related("moderation", "place")
        .prefetch_related(
            Prefetch("progress_notes", queryset=ProgressNote.objects.order_by("date"))
        )
        .order_by("-created_at")
    )
    if area:
        proposals = proposals.filter(area=area)
    if answered_only:
        proposals = proposals.exclude(status=ResponseStatus.RECEIVED, response="")
    return [present(proposal) for proposal in proposals]


def published_proposal(proposal_id) -> Proposal | None:
    return Proposal.objects.published().filter(pk=proposal_id).first()


@dataclass
class AreaOutcomes:
    area: str
    label: str
    outcomes: list
    proposals: list


def you_said_we_did(area: str = "") -> list[AreaOutcomes]:
    """Outcomes and answered ideas, grouped by part of the city (city-wide first)."""
    outcomes = Outcome.objects.live().prefetch_related(
        Prefetch("proposals", queryset=Proposal.objects.published().select_related("moderation"))
    )
    answered = published_proposals(area=area, answered_only=True)
    groups = []
    for value, label in Area.choices:
        if area and value != area:
            continue
        in_area = [outcome for outcome in outcomes if outcome.area == value]
        ideas = [proposal for proposal in answered if proposal.area == value]
        if in_area or ideas:
            groups.append(AreaOutcomes(value, label, in_area, ideas))
    return groups
