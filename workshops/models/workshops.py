"""Live mapping workshops: a facilitator runs an exercise with a group, who join with a short code.

A workshop's pins are ordinary pins carrying its join code (`Pin.workshop`, which moderators
filter on); codes are never reused, so the code alone finds the workshop. Pins a facilitator
enters from a paper map are marked by a `FacilitatorEntry` row: nothing about who drew them."""

import re
import secrets

from django.conf import settings
from django.db import models

from participation.models import Pin

from .exercises import Exercise

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read off a projector and to type on a phone.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
_NOT_CODE = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """A typed code as stored (upper case, no spaces or dashes), or None if it cannot be one."""
    code = _NOT_CODE.sub("", (text or "").upper())
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


class WorkshopStatus(models.TextChoices):
    OPEN = "open", "Open: taking pins"
    PAUSED = "paused", "Paused"
    CLOSED = "closed", "Closed"


class Workshop(models.Model):
    code = models.CharField(max_length=CODE_LENGTH, unique=True, editable=False)
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="workshops")
    label = models.CharField(
        max_length=120,
        help_text="For staff only, e.g. 'Tuesday group, Hartcliffe youth club'. Never shown to "
        "participants; do not use anyone's name.",
    )
    status = models.CharField(
        max_length=10, choices=WorkshopStatus.choices, default=WorkshopStatus.OPEN, db_index=True
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        # Created when workshops lived in participation; the table keeps its name.
        db_table = "participation_workshop"
        ordering = ["-created_at"]
        # Running a workshop (its live screen and socket, paper entry, pause and close) shows
        # its pins before moderation: a permission of its own, not "change" (Editors may set
        # one up but not run it; see staff/roles.py).
        permissions = [("run_workshop", "Can run a live workshop and see its pending pins")]

    def __str__(self):
        return f"{self.label} ({self.display_code})"

    @property
    def display_code(self) -> str:
        """The code as people read it aloud: two groups of three."""
        return f"{self.code[:3]} {self.code[3:]}"

    @property
    def is_open(self) -> bool:
        return self.status == WorkshopStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == WorkshopStatus.CLOSED

    def pins(self):
        return Pin.objects.filter(workshop=self.code)


class FacilitatorEntry(models.Model):
    """Marks a pin a facilitator entered on a group's behalf, from a paper map."""

    pin = models.OneToOneField(
        Pin, primary_key=True, on_delete=models.CASCADE, related_name="facilitator_entry"
    )
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="paper_entries")

    class Meta:
        # Created when workshops lived in participation; the table keeps its name.
        db_table = "participation_facilitatorentry"
        verbose_name_plural = "facilitator entries"

    def __str__(self):
        return f"paper pin {self.pin_id}"
