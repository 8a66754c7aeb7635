"""Examples staff write to teach the scan what it missed: labelled text that `train_scan` reads
(moderation.teaching.staff_examples). Never a young person's words: a member of staff writes
them, in the way young people write."""

from django.conf import settings
from django.db import models


class StaffExample(models.Model):
    text = models.TextField(
        help_text="Written by you, in the way a young person might say it. Never copy their words."
    )
    # Disclosure category slugs (moderation.scanner.CATEGORIES); empty for a benign example.
    categories = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        default_permissions = ("view",)
        verbose_name = "staff example for the scan"

    def __str__(self):
        return f"{','.join(self.categories) or '-'}: {self.text[:40]}"
