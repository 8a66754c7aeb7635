"""Quality assurance of services with young people's views, for the Directory managers: a
service's published trend, the comments moderation approved (in their published, redacted words:
never a comment as written, never one still waiting), and what the provider changed, which can go
to "You said, we did" once a second Directory manager approves the words (the two-person rule of
places of concern's publications, concerns/services.py)."""

from django.db import transaction
from django.utils import timezone

from moderation.models import ModerationStatus
from moderation.scanner import find_pii, redact
from participation.outcomes import add_outcome

from .models import ProviderResponse, PublishedViewState, ResponseStatus, ServiceView


class PublicationRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def trend(service) -> list[dict]:
    return [
        {"at": s.published_at, "counts": s.counts, "shown": bool(s.counts)}
        for s in PublishedViewState.objects.filter(service=service).order_by("published_at")
    ]


def approved_comments(service) -> list[dict]:
    views = ServiceView.objects.filter(
        service=service, is_demo=False, moderation__status=ModerationStatus.APPROVED
    ).select_related("moderation")
    return [
        {"text": v.moderation.published_text, "decided_at": v.moderation.decided_at}
        for v in views
        if (v.moderation.published_text or "").strip()
    ]


def _redacted(text: str) -> str:
    text = text.strip()
    spans = find_pii(text)
    return redact(text, spans) if spans else text


@transaction.atomic
def record_response(service, user, *, changed: str, publish: dict | None = None):
    """Records what the provider changed; with `publish` ({area, you_said, we_did}) its public
    words are proposed for "You said, we did", waiting for a second Directory manager."""
    response = ProviderResponse(service=service, recorded_by=user, changed=changed.strip())
    if publish:
        response.status = ResponseStatus.PROPOSED
        response.area = publish["area"]
        response.you_said = _redacted(publish["you_said"])
        response.we_did = _redacted(publish["we_did"])
        response.proposed_by = user
    response.save()
    return response


def may_approve(response: ProviderResponse, user) -> bool:
    """The two-person rule: whoever proposed the words cannot approve them."""
    return response.proposed_by_id is not None and response.proposed_by_id != user.pk


@transaction.atomic
def approve_response(response: ProviderResponse, user) -> int:
    """A second Directory manager approves: the outcome is added in the same transaction.
    Approving twice never adds a second outcome."""
    response = ProviderResponse.objects.select_for_update().get(pk=response.pk)
    if response.status != ResponseStatus.PROPOSED:
        raise PublicationRefused("This response is not waiting for approval.")
    if not may_approve(response, user):
        raise PublicationRefused("You proposed these words: a second Directory manager approves.")
    response.outcome_id = add_outcome(
        area=response.area, you_said=response.you_said, we_did=response.we_did
    )
    response.status = ResponseStatus.PUBLISHED
    response.approved_by, response.approved_at = user, timezone.now()
    response.save()
    return response.outcome_id
