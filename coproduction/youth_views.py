"""Giving, changing and deleting a young person's view of a service, and its publication.

A view is sent through participation's one submission flow (participation/services/submission.py):
once per idempotency key, rate-limited, with a receipt. The same contributor giving a view of the
same service again changes theirs (one per contributor per service, a database constraint), and
the view moves to the new receipt. Each give, change or deletion is recorded as a pending change
of the service; once `publication.threshold()` different contributors are pending, a new
publication is taken (coproduction/publication.py) and stored, all in the writer's transaction."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from moderation.services import forget_item, submit_for_moderation
from participation.models import Receipt
from participation.services.common import Submitted, announce_after_commit, fingerprint
from participation.services.receipts import find_receipt
from participation.services.submission import submit
from services_directory.models import Service

from . import publication
from .models import (
    PendingViewChange,
    PublishedViewState,
    ServiceView,
    ServiceViewPublication,
    StandOut,
)


@dataclass(frozen=True)
class ViewSubmission:
    """A validated view (see coproduction.forms.ServiceViewForm.submission)."""

    service: Service
    recommend: str
    stood_out: tuple[StandOut, ...] = ()
    comment: str = ""
    receipt_code: str = ""  # normalised: the code of the view this one changes

    def fingerprint(self) -> str:
        return fingerprint(
            {
                "service": str(self.service.pk),
                "recommend": self.recommend,
                "stood_out": sorted(s.slug for s in self.stood_out),
                "comment": self.comment,
                "receipt_code": self.receipt_code,
            }
        )


class NotAViewOfThis(Exception):
    message = (
        "That code is not for a view of this service. Check it, or leave it empty to give a "
        "new view."
    )


def contributor_of_code(code: str, service: Service, *, address: str | None) -> str:
    """Whose view of the service a receipt code leads to (so that a view given on another device
    is changed, not doubled). Raises ReceiptNotFound, NotAViewOfThis or RateLimited (guessing
    codes is limited as on the receipt page)."""
    receipt = find_receipt(code, address=address)
    view = receipt.service_views.filter(service=service).first()
    if view is None:
        raise NotAViewOfThis()
    return view.contributor


def record_change(service_id, contributor: str) -> None:
    """This contributor gave, changed or deleted a view of the service since the publication."""
    PendingViewChange.objects.bulk_create(
        [PendingViewChange(service_id=service_id, contributor=contributor)], ignore_conflicts=True
    )


def publish_if_due(service_id) -> ServiceViewPublication | None:
    """A new publication of the service's view once enough different contributors changed it."""
    # The service's row is the lock: two writers cannot both take (and reset) the same pending
    # changes. The publication row itself is made only at the first publication, since its
    # every save makes the cached pages out of date.
    list(Service.objects.select_for_update().filter(pk=service_id).values_list("pk", flat=True))
    shown = ServiceViewPublication.objects.filter(service_id=service_id).first()
    pending = PendingViewChange.objects.filter(service_id=service_id)
    changed_by = set(pending.values_list("contributor", flat=True))
    step = publication.threshold()
    snapshot, new = publication.republish(None, _current_views(service_id), changed_by, step)
    if not new:
        return shown
    shown = shown or ServiceViewPublication(service_id=service_id)
    shown.counts = {} if snapshot is None else {"people": snapshot.people, **snapshot.as_dict()}
    shown.published_at = timezone.now()
    # A save, not an update(): its post_save is what makes cached service pages out of date
    # (the publication is a snippet, see coproduction/wagtail_hooks.py).
    shown.save()
    PublishedViewState.objects.create(
        service_id=service_id, counts=shown.counts, published_at=shown.published_at
    )
    pending.delete()
    return shown


def _current_views(service_id) -> dict[str, tuple[str, ...]]:
    views = ServiceView.objects.filter(service_id=service_id, is_demo=False).prefetch_related(
        "stood_out"
    )
    return {view.contributor: view.answers() for view in views}


def _moderated(view: ServiceView, comment: str) -> None:
    """The view's comment handed to moderation (a new item for a new comment); none without."""
    old = view.moderation_id
    view.comment = comment
    view.moderation = (
        submit_for_moderation(view, kind=ServiceView.moderation_kind) if comment else None
    )
    if old:
        ServiceView.objects.filter(pk=view.pk).update(moderation=view.moderation)
        forget_item(old)


def save_view(
    submission: ViewSubmission,
    *,
    contributor: str,
    receipt: Receipt | None = None,
    is_demo: bool = False,
) -> ServiceView:
    """Gives the contributor's view of the service, or changes the one they gave, inside the
    caller's transaction, and publishes the service's view when it is due."""
    with transaction.atomic():
        view = (
            ServiceView.objects.select_for_update()
            .filter(service=submission.service, contributor=contributor)
            .first()
        )
        if view is None:
            view = ServiceView(
                service=submission.service,
                contributor=contributor,
                recommend=submission.recommend,
                receipt=receipt,
                is_demo=is_demo,
            )
            _moderated(view, submission.comment)
            try:
                with transaction.atomic():
                    view.save(force_insert=True)
            except IntegrityError:
                # The same contributor's other request saved theirs first: this one changes it.
                if view.moderation_id:
                    forget_item(view.moderation_id)
                return save_view(submission, contributor=contributor, receipt=receipt)
        else:
            old_receipt = view.receipt
            view.recommend, view.receipt = submission.recommend, receipt or view.receipt
            _moderated(view, submission.comment)
            view.save()
            if old_receipt is not None and old_receipt != view.receipt:
                # The new code replaces the old one, which now leads nowhere.
                old_receipt.drop_if_empty()
        view.stood_out.set(submission.stood_out)
        if view.moderation_id:
            announce_after_commit(view, ServiceView.moderation_kind)
        if not is_demo:
            record_change(view.service_id, contributor)
            publish_if_due(view.service_id)
    return view


def submit_view(
    submission: ViewSubmission,
    *,
    contributor: str,
    idempotency_key: str,
    address: str | None = None,
) -> Submitted:
    if submission.receipt_code:
        contributor = contributor_of_code(
            submission.receipt_code, submission.service, address=address
        )
    return submit(
        ServiceView.moderation_kind,
        submission,
        create=lambda receipt, _photos: save_view(
            submission, contributor=contributor, receipt=receipt
        ),
        contributor=contributor,
        idempotency_key=idempotency_key,
        address=address,
    )
