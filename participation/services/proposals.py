"""Ideas for youth provision: proposing one (the idea's specialisation of the submission
skeleton, submission.py), and supporting one (once per contributor)."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from participation import limits
from participation.models import Proposal, Support
from participation.sources import contribution_source
from places.models import NamedPlace

from .common import fingerprint
from .submission import PlainUseCases


@dataclass(frozen=True)
class ProposalSubmission:
    """A validated idea (see participation.forms.ProposalForm.submission)."""

    title: str
    what: str
    area: str
    when: str
    why: str
    place: NamedPlace | None = None

    def fingerprint(self) -> str:
        return fingerprint(
            {
                "title": self.title,
                "what": self.what,
                "where": self.place.slug if self.place else self.area,
                "when": self.when,
                "why": self.why,
            }
        )


# Saves an idea inside the caller's transaction; shares one once per idempotency key.
create_proposal = PlainUseCases(Proposal).create
submit_proposal = PlainUseCases(Proposal).submit


def support_proposal(proposal: Proposal, *, contributor: str, address: str | None = None) -> int:
    """Adds the contributor's support (at most once) and returns the new count.

    `proposal` must come from Proposal.objects.published(): only published ideas are supported."""
    if not Support.objects.filter(proposal=proposal, contributor=contributor).exists():
        limits.check("support", contributor=contributor, address=address)
        source = contribution_source(address=address, contributor=contributor)
        try:
            with transaction.atomic():
                Support.objects.create(proposal=proposal, contributor=contributor, source=source)
        except IntegrityError:
            pass  # a concurrent request from the same contributor got there first
    return support_count(proposal)


def support_count(proposal: Proposal) -> int:
    """People behind an idea: distinct sources, so cleared cookies on one network add nothing."""
    return Support.objects.filter(proposal=proposal).values("source").distinct().count()


def supported_by(contributor: str) -> set:
    """The ids of the ideas this contributor supports (to show "you support this")."""
    return set(
        Support.objects.filter(contributor=contributor).values_list("proposal_id", flat=True)
    )
