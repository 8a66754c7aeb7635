"""Teaching the scan what it missed. When a moderator escalates an item the scan did not flag,
they may add a phrase (a staff scan phrase, live at once) or an example they write themselves,
with its categories, to the labelled store `train_scan` reads (`staff_examples`).

Never the young person's words: the form starts empty, and an example that repeats a run of
the item's words is refused."""

import re
from collections.abc import Iterator

from django.db import IntegrityError, transaction

from .contributions import original_text
from .errors import ModerationError, NotAllowed
from .models import ModerationItem, ScanPhrase, StaffExample
from .permissions import can_moderate
from .scanner import CATEGORY_LABELS

# This many words in a row shared with the item's own text counts as copying it.
COPIED_WORDS = 5
_WORD = re.compile(r"[a-z0-9']+")


def staff_examples() -> Iterator[tuple[str, str]]:
    """(labels, text) in the training file's format: "cat1,cat2", or "-" for a benign text."""
    for categories, text in StaffExample.objects.values_list("categories", "text"):
        yield ",".join(sorted(categories)) or "-", " ".join(text.split())


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1)}


def copies_item(text: str, item: ModerationItem | None) -> bool:
    if item is None:
        return False
    return bool(_runs(text) & _runs(original_text(item)))


def add_example(user, *, text: str, categories, item_id=None) -> StaffExample:
    """A staff-written example for the training store."""
    if not can_moderate(user):
        raise NotAllowed("Only moderators and leads teach the scan.")
    text = (text or "").strip()
    categories = sorted(set(categories or []))
    if not text:
        raise ModerationError("Write an example in your own words.")
    if any(slug not in CATEGORY_LABELS for slug in categories):
        raise ModerationError("Choose categories from the list.")
    item = ModerationItem.objects.filter(pk=item_id).first() if item_id else None
    if copies_item(text, item):
        raise ModerationError(
            "That repeats the young person's own words. Write a different example of the same "
            "kind of thing, in your own words."
        )
    return StaffExample.objects.create(text=text, categories=categories, author=user)


def add_phrase(user, *, category: str, phrase: str) -> ScanPhrase:
    """A staff scan phrase, used by every scan from now on."""
    if not can_moderate(user):
        raise NotAllowed("Only moderators and leads teach the scan.")
    if category not in CATEGORY_LABELS:
        raise ModerationError("Choose the category the phrase points to.")
    candidate = ScanPhrase(
        category=category,
        phrase=(phrase or "").strip(),
        notes=f"Added by {user.get_username()} after escalating an item the scan missed.",
    )
    try:
        candidate.full_clean()
        with transaction.atomic():
            candidate.save()
    except IntegrityError as error:
        raise ModerationError("The scan already has that phrase.") from error
    except Exception as error:
        messages = getattr(error, "messages", None)
        if messages is None:
            raise
        raise ModerationError(" ".join(messages)) from error
    return candidate
