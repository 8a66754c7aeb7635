"""participation's part of the JSON API (/api/v1/), mounted by website/api.py.

Every submission goes through the same forms (participation.forms) and services as the pages.
Errors follow the contract: `{"errors": [{"field", "message"}]}`."""

from typing import Annotated
from uuid import UUID

from ninja import Field, Header, Router, Schema, Status

from django.db import OperationalError
from django.http import HttpResponse

from places.models import NamedPlace

from . import limits
from .contributors import client_address, contributor_for, remember
from .forms import PinForm, ProposalForm
from .limits import RateLimited
from .models import Feeling, ProposalKind, ProposalWhen, Reason, TimeOfDay
from .presenters import published_proposal, published_proposals
from .services import (
    IdempotencyError,
    ReceiptNotFound,
    delete_receipt,
    find_receipt,
    parse_key,
    receipt_statuses,
    submit_pin,
    submit_proposal,
    support_proposal,
)
from .services.writes import is_busy

router = Router(tags=["Have your say"])

BUSY_MESSAGE = "We are very busy: nothing was saved yet. Try again in a few seconds."
IDEMPOTENCY_HELP = "A new UUID for each submission; send the same one again to retry safely."
# The header every submission takes.
IdempotencyKey = Annotated[
    str | None, Header(alias="Idempotency-Key", description=IDEMPOTENCY_HELP)
]


class FieldError(Schema):
    field: str
    message: str


class Errors(Schema):
    errors: list[FieldError]


def errors(*pairs: tuple[str, str]) -> dict:
    return {"errors": [{"field": field, "message": message} for field, message in pairs]}


def form_errors(form) -> dict:
    return errors(
        *(
            ("body" if field == "__all__" else field, message)
            for field, messages in form.errors.items()
            for message in messages
        )
    )


def _limited(response: HttpResponse, exc: RateLimited) -> Status:
    response["Retry-After"] = str(exc.retry_after)
    return Status(429, errors(("body", exc.message)))


class PinIn(Schema):
    feeling: str = Field(..., json_schema_extra={"enum": Feeling.values})
    lat: float | None = Field(None, description="With lng: a position in Bristol.")
    lng: float | None = None
    place: str | None = Field(None, description="Instead of lat/lng: a place slug (/places).")
    reasons: list[str] = Field(default_factory=list, description="Reason slugs (/reasons).")
    when: str | None = Field(None, json_schema_extra={"enum": TimeOfDay.values})
    comment: str | None = Field(None, max_length=5000, description="At most 1000 characters.")
    exercise: str | None = Field(None, description="A mapping exercise's slug.")


class SubmittedOut(Schema):
    id: UUID
    status: str
    receipt: str


SUBMISSION_RESPONSES = {
    200: SubmittedOut,
    201: SubmittedOut,
    400: Errors,
    409: Errors,
    422: Errors,
    429: Errors,
    503: Errors,
}


def _submit(request, response, form, key_header, submit):
    try:
        key = parse_key(key_header)
    except IdempotencyError as exc:
        return Status(exc.status, errors((exc.field, exc.message)))
    if not form.is_valid():
        return Status(400, form_errors(form))
    contributor = contributor_for(request)
    try:
        limits.check_new_contributor(contributor.is_new, client_address(request))
        result = submit(
            form.submission(),
            contributor=contributor.hash,
            idempotency_key=key,
            address=client_address(request),
        )
    except IdempotencyError as exc:
        return Status(exc.status, errors((exc.field, exc.message)))
    except RateLimited as exc:
        return _limited(response, exc)
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        response["Retry-After"] = "5"
        return Status(503, errors(("body", BUSY_MESSAGE)))
    remember(response, contributor)
    return Status(201 if result.created else 200, result.body())


@router.post("/pins", response=SUBMISSION_RESPONSES, summary="Add a safe or unsafe place")
def add_pin(
    request,
    response: HttpResponse,
    payload: PinIn,
    idempotency_key: IdempotencyKey = None,
):
    form = PinForm(data=payload.dict(exclude_none=True))
    return _submit(request, response, form, idempotency_key, submit_pin)


class PlaceOut(Schema):
    slug: str
    name: str
    kind: str
    area: str
    lat: float
    lng: float


@router.get(
    "/places", response=list[PlaceOut], summary="Named places that can stand for a map position"
)
def places(request, q: str = ""):
    return list(
        NamedPlace.objects.active()
        .matching(q[:80])
        .order_by("name")
        .values("slug", "name", "kind", "area", "lat", "lng")
    )


class ReasonOut(Schema):
    slug: str
    label: str
    feeling: str


@router.get("/reasons", response=list[ReasonOut], summary="Why a place feels safe or unsafe")
def reasons(request):
    return list(Reason.objects.active().values("slug", "label", "feeling"))


class ProgressOut(Schema):
    date: str
    text: str


class ResponseOut(Schema):
    status: str
    label: str
    reason: str
    text: str
    updated: str | None
    progress: list[ProgressOut]


class WhereOut(Schema):
    slug: str
    label: str
    area: str


class ProposalOut(Schema):
    id: UUID
    title: str
    what: str
    where: WhereOut
    when: str
    why: str
    supporters: int
    response: ResponseOut


@router.get("/proposals", response=list[ProposalOut], summary="Published ideas for youth provision")
def proposals(request):
    return [proposal.as_json() for proposal in published_proposals()]


class ProposalIn(Schema):
    title: str = Field(..., max_length=1000)
    what: str = Field(..., json_schema_extra={"enum": ProposalKind.values})
    where: str = Field(..., description="A place slug (/places) or an area: north, south, ...")
    when: str = Field(..., json_schema_extra={"enum": ProposalWhen.values})
    why: str = Field(..., max_length=5000, description="At most 1000 characters.")


@router.post("/proposals", response=SUBMISSION_RESPONSES, summary="Propose youth provision")
def add_proposal(
    request,
    response: HttpResponse,
    payload: ProposalIn,
    idempotency_key: IdempotencyKey = None,
):
    form = ProposalForm(data=payload.dict())
    return _submit(request, response, form, idempotency_key, submit_proposal)


class SupportOut(Schema):
    id: UUID
    supporters: int


@router.post(
    "/proposals/{proposal_id}/support",
    response={200: SupportOut, 404: Errors, 429: Errors, 503: Errors},
    summary="Support an idea (once per contributor)",
)
def support(request, response: HttpResponse, proposal_id: UUID):
    proposal = published_proposal(proposal_id)
    if proposal is None:
        return Status(404, errors(("proposal_id", "There is no published idea with that id.")))
    contributor = contributor_for(request)
    try:
        limits.check_new_contributor(contributor.is_new, client_address(request))
        count = support_proposal(
            proposal, contributor=contributor.hash, address=client_address(request)
        )
    except RateLimited as exc:
        return _limited(response, exc)
    remember(response, contributor)
    return Status(200, {"id": proposal.pk, "supporters": count})


class ContributionStatusOut(Schema):
    kind: str
    id: UUID
    status: str = Field(..., json_schema_extra={"enum": ["pending", "published", "not-published"]})
    created: str
    summary: str
    note: str
    answer: ResponseOut | None


class ReceiptOut(Schema):
    contributions: list[ContributionStatusOut]


class DeletedOut(Schema):
    deleted: int


def _receipt(request, response, code):
    try:
        return find_receipt(code, address=client_address(request)), None
    except ReceiptNotFound as exc:
        return None, Status(404, errors(("code", exc.message)))
    except RateLimited as exc:
        return None, _limited(response, exc)


@router.get(
    "/receipts/{code}",
    response={200: ReceiptOut, 404: Errors, 429: Errors},
    summary="What happened to the contributions behind a receipt code",
)
def receipt(request, response: HttpResponse, code: str):
    found, failure = _receipt(request, response, code)
    if failure:
        return failure
    return Status(200, {"contributions": [s.as_json() for s in receipt_statuses(found)]})


@router.delete(
    "/receipts/{code}",
    response={200: DeletedOut, 404: Errors, 429: Errors, 503: Errors},
    summary="Delete the contributions behind a receipt code for good",
)
def delete(request, response: HttpResponse, code: str):
    found, failure = _receipt(request, response, code)
    if failure:
        return failure
    return Status(200, {"deleted": delete_receipt(found)})
