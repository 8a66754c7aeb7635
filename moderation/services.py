"""Use cases of moderation that other apps call. Contributions hand themselves over here."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import ModerationItem


def submit_for_moderation(
    contribution: models.Model,
    *,
    kind: str,
    exercise: str = "",
    workshop: str = "",
    has_photo: bool = False,
) -> ModerationItem:
    """Creates the pending moderation item of a new contribution, inside the caller's transaction.

    The contribution is never public until a person approves the item. The automatic scan runs
    after the commit (see `on_contribution_committed`), so a rolled-back submission raises nothing.
    """
    item = ModerationItem.objects.create(
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=str(contribution.pk),
        kind=kind,
        exercise=exercise or "",
        workshop=workshop or "",
        has_photo=has_photo,
    )
    transaction.on_commit(lambda: on_contribution_committed(item.pk))
    return item


def on_contribution_committed(item_id) -> None:
    """Runs after a contribution is committed: the scan, and any alert, hang off this."""
