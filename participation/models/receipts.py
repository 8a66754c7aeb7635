"""Receipts: the only way back to a contribution, for someone who has no account."""

import uuid

from django.db import models

from participation import receipt_types


class Receipt(models.Model):
    """A code shown once after a contribution, stored only as a keyed hash (see participation.codes).

    One receipt covers the contributions of one submission; it is deleted with the last of them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"receipt {self.id}"

    def contributions(self) -> list:
        return [
            *self.pins.select_related("moderation"),
            *self.proposals.select_related("moderation"),
            *(
                contribution
                for kind in receipt_types.registered()
                for contribution in getattr(self, kind.related_name).select_related("moderation")
            ),
        ]

    def drop_if_empty(self) -> None:
        others = (getattr(self, kind.related_name) for kind in receipt_types.registered())
        if (
            not self.pins.exists()
            and not self.proposals.exists()
            and not any(related.exists() for related in others)
        ):
            self.delete()
