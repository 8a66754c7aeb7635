"""What moderation expects of every contribution type, without importing any of them.

Moderation sits below participation (participation uses moderation, never the reverse), so it
reaches a contribution only through `ModerationItem.contribution` and this protocol."""

from typing import Any, Protocol

from django.utils import timezone


class Moderatable(Protocol):
    def moderation_text(self) -> str:
        """The contributor's own words, to scan and to show moderators (never public as is)."""

    def moderation_headline(self, gazetteer=None) -> str:
        """What it is and where, in a few words, for its row in the queue (no free text). A
        queue page passes one places.models.Gazetteer for all its rows (one query, not one each)."""

    def moderation_summary(self) -> dict[str, Any]:
        """What a moderator needs to judge it: {"title", "fields": [(label, value), ...],
        "lat", "lng" (exact, moderators only; None when there is no position)}."""

    def moderation_photo_path(self) -> str | None:
        """The private file path of its photo, if any (served to moderators only)."""

    def on_moderation_decided(self, item) -> None:
        """Called inside the decision's transaction: e.g. a pin snaps its raw coordinates to the
        centre of its H3 resolution-9 cell once moderated."""

    def purge_raw_location(self) -> None:
        """Retention: replace raw coordinates by the H3 resolution-9 cell centre."""

    def delete_for_good(self) -> None:
        """Retention and receipts: delete the contribution and its files (photo included)."""


def original_text(item) -> str:
    """The contributor's own words behind a moderation item ("" once the contribution is gone)."""
    contribution = item.contribution
    return contribution.moderation_text() if contribution is not None else ""


def after_decision(item, contribution) -> None:
    """Inside a decision's transaction: the contribution reacts (a pin keeps only its H3 cell
    centre from now on), and moderation no longer needs any exact position."""
    if contribution is not None:
        contribution.on_moderation_decided(item)
        contribution.purge_raw_location()
    item.raw_location_purged_at = timezone.now()
    type(item).objects.filter(pk=item.pk).update(raw_location_purged_at=item.raw_location_purged_at)
