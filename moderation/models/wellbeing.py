"""Moderators' wellbeing: which distressing items each moderator chose to read, and when, so
they see their day's count and are offered a break (leads see their team's)."""

from django.conf import settings
from django.db import models


class RevealQuerySet(models.QuerySet):
    def distressing_since(self, since):
        return self.filter(distressing=True, at__gte=since)


class Reveal(models.Model):
    """A moderator chose to see an item's hidden text and photo."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Not a foreign key: the count of a day's reading outlives a deleted item.
    item_id = models.UUIDField()
    distressing = models.BooleanField(default=False)
    at = models.DateTimeField(db_index=True)

    objects = RevealQuerySet.as_manager()

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["user", "item_id"])]

    def __str__(self):
        return f"{self.user_id} read {self.item_id} at {self.at:%Y-%m-%d %H:%M}"
