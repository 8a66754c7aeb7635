"""Phrases staff add to the scan: new words for disclosures, or abusive words."""

from django.core.exceptions import ValidationError
from django.db import models

from moderation.scanner import ABUSE, CATEGORIES
from moderation.scanner.normalise import phrase_to_regex

PHRASE_CATEGORIES = [*CATEGORIES, (ABUSE, "Abusive language")]
PHRASE_HELP = (
    "Words as young people write them; case, apostrophes and shorthand do not matter "
    '("im", "I\'m" and "I am" are the same). End a word with * for any ending '
    '("threaten*"); put ... for up to four words in between ("made me ... carry"). '
    'Try a phrase on a text first under "Try a phrase" on the scan phrases screen.'
)
PHRASE_NEEDS_A_WORD = "Give at least one word made of letters or digits."


class ScanPhraseQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def pairs(self) -> list[tuple[str, str]]:
        return list(self.active().values_list("category", "phrase"))


class ScanPhrase(models.Model):
    category = models.CharField(max_length=30, choices=PHRASE_CATEGORIES)
    phrase = models.CharField(
        max_length=200,
        help_text=PHRASE_HELP,
    )
    notes = models.TextField(blank=True, help_text="Why it was added, and by whom.")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScanPhraseQuerySet.as_manager()

    class Meta:
        ordering = ["category", "phrase"]
        verbose_name = "scan phrase"
        constraints = [
            models.UniqueConstraint(fields=["category", "phrase"], name="moderation_phrase_once")
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.phrase}"

    def clean(self):
        if not phrase_to_regex(self.phrase or ""):
            raise ValidationError({"phrase": PHRASE_NEEDS_A_WORD})
