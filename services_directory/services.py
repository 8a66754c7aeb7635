"""Use cases of the directory that change data (one transaction each; notifications after commit)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from moderation.scanner import find_pii, redact
from moderation.services import hand_to_leads, possible_disclosure
from staff.roles import DIRECTORY_MANAGERS

from .models import FeedbackStatus, ListingFeedback, ReportedDisclosure, Service

logger = logging.getLogger(__name__)


def report_problem(service: Service, *, kind: str, comment: str = "") -> ListingFeedback:
    """A member of the public reports a listing as out of date, closed or wrong. It reaches the
    Directory managers (admin list, needs-review list, email), and is never published (the view
    counts it against the client address first). The comment is stored with the personal data
    the scan finds (phone numbers, emails, postcodes, names...) replaced by labels: managers
    need the listing's problem, not who wrote it or whom they wrote about.

    A comment the scan reads as a possible disclosure also reaches the safeguarding leads, as it
    was written, with the alert any contribution's disclosure raises (in the same transaction:
    the report is never saved without it)."""
    text = comment.strip()
    categories = possible_disclosure(text) if text else []
    with transaction.atomic():
        feedback = ListingFeedback.objects.create(
            service=service, kind=kind, comment=redact(text, find_pii(text))
        )
        if categories:
            disclosure = ReportedDisclosure(service=service, feedback=feedback, text=text)
            disclosure.moderation = hand_to_leads(
                disclosure, kind=ReportedDisclosure.moderation_kind, categories=categories
            )
            disclosure.save(force_insert=True)
        transaction.on_commit(lambda: notify_directory_managers(feedback.pk))
    return feedback


def notify_directory_managers(feedback_id) -> None:
    feedback = ListingFeedback.objects.select_related("service").get(pk=feedback_id)
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=DIRECTORY_MANAGERS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    # Only the listing and the kind of problem go by email; the comment stays in the admin.
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_services_directory_listingfeedback:edit", args=[feedback.pk]
    )
    try:
        send_mail(
            subject=f"Directory: a listing was reported ({feedback.get_kind_display().lower()})",
            message=(
                f"Someone reported a problem with “{feedback.service.name}”: "
                f"{feedback.get_kind_display()}.\n\nRead it in the admin: {admin_url}\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )
    except OSError:
        # The report is saved and listed in the admin whatever happens to the email.
        logger.exception("Could not email the directory managers about feedback %s", feedback_id)


def resolve_feedback(feedback: ListingFeedback, user) -> None:
    if feedback.status == FeedbackStatus.RESOLVED and feedback.resolved_at is None:
        feedback.resolved_at = timezone.now()
        feedback.resolved_by = user
        feedback.save(update_fields=["resolved_at", "resolved_by"])


def purge_old_reports(now=None) -> int:
    """Retention (run by `purge_expired`): a resolved report is deleted
    DIRECTORY_REPORT_KEEP_DAYS after it was resolved, an unresolved one that long after it was
    sent; the listing's own record keeps what changed. Returns how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.DIRECTORY_REPORT_KEEP_DAYS)
    expired = ListingFeedback.objects.filter(
        Q(resolved_at__lt=cutoff) | Q(resolved_at__isnull=True, created_at__lt=cutoff)
    )
    deleted, _ = expired.delete()
    return deleted
