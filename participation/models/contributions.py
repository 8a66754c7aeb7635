"""What every contribution type shares: the moderation protocol (moderation/contributions.py)
and deletion for good, photo included."""

from django.db import models, transaction

from moderation.models import public_filter


class ContributionQuerySet(models.QuerySet):
    def published(self):
        """The only road to public data: approved by a person and not flagged."""
        return self.filter(public_filter("moderation__"))


class Contribution(models.Model):
    """Abstract base: a contribution hands itself to moderation and can be deleted for good."""

    moderation_kind = ""

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.moderation is not None and self.moderation.is_public

    # The moderation protocol. Subclasses add moderation_text() and moderation_summary().
    def moderation_photo_path(self) -> str | None:
        return None

    def on_moderation_decided(self, item) -> None:
        """Nothing to do by default; pins override it to coarsen their position."""

    def purge_raw_location(self) -> None:
        """Nothing to do by default: only pins keep a raw position."""

    def delete_for_good(self) -> None:
        from moderation.services import forget_item
        from participation.photos import delete_private_file

        photo = self.moderation_photo_path()
        item_id, receipt = self.moderation_id, self.receipt
        with transaction.atomic():
            self.delete()
            if item_id:
                forget_item(item_id)  # moderation keeps only who decided what, and when
            if receipt is not None:
                receipt.drop_if_empty()
            if photo:
                # The file goes only once the rows are gone for good: a rollback keeps both.
                transaction.on_commit(lambda: delete_private_file(photo))
