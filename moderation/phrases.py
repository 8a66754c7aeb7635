"""The phrase book the scan uses: the built-in lists plus the phrases staff added in the admin;
the list of both that leads read, and a phrase tried on a text before it is saved."""

import re
from dataclasses import dataclass

from .models import ScanPhrase
from .models.phrases import PHRASE_CATEGORIES
from .scanner import ABUSE, PhraseBook, builtin_book
from .scanner.normalise import phrase_to_regex, sentences
from .scanner.phrases import CATEGORY_LABELS, DATA, abuse_form

# "@define NAME = words" in the built-in disclosure list (moderation/scanner/data/disclosure.txt).
_DEFINITION = re.compile(r"^@define\s+(\w+)\s*=\s*(.+)$")


def current_book(extra: list[tuple[str, str]] | None = None) -> PhraseBook:
    """Built-in lists, active staff phrases, and any phrases being tried out (`extra`)."""
    # One small query per scan: staff see a new phrase take effect at once, in every process.
    phrases = ScanPhrase.objects.pairs() + list(extra or [])
    return builtin_book().extended(phrases) if phrases else builtin_book()


@dataclass(frozen=True)
class ListedPhrase:
    """One line of the phrase list as staff see it: built in (read only) or added by staff."""

    phrase: str
    builtin: bool
    active: bool = True
    pk: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class CategoryPhrases:
    slug: str
    label: str
    phrases: list[ListedPhrase]

    @property
    def staff_count(self) -> int:
        return sum(1 for phrase in self.phrases if not phrase.builtin)


def listed_phrases() -> list[CategoryPhrases]:
    """Every phrase the scan uses, per category: staff's own first (the ones a lead may change),
    then the built-in lines."""
    book = builtin_book()
    staff: dict[str, list[ListedPhrase]] = {}
    for row in ScanPhrase.objects.order_by("phrase"):
        staff.setdefault(row.category, []).append(
            ListedPhrase(row.phrase, False, row.active, row.pk, row.notes)
        )
    listed = []
    for slug, label in PHRASE_CATEGORIES:
        if slug == ABUSE:
            builtins = [pattern.pattern for pattern in book.abuse]
        else:
            builtins = [rule.source for rule in book.rules.get(slug, ())]
        phrases = staff.get(slug, []) + [ListedPhrase(source, True) for source in builtins]
        listed.append(CategoryPhrases(slug, label, phrases))
    return listed


def builtin_definitions() -> list[tuple[str, str]]:
    """The word lists the built-in disclosure lines name as {NAME}, as written in the data file."""
    text = (DATA / "disclosure.txt").read_text()
    return [
        (match.group(1), match.group(2).strip())
        for line in text.splitlines()
        if (match := _DEFINITION.match(line.strip()))
    ]


@dataclass(frozen=True)
class PhraseTrial:
    """What a phrase would do to one text, before anyone saves it."""

    matched: list[str]
    found_now: list[str]
    found_with_it: list[str]


def _found(book: PhraseBook, text: str) -> list[str]:
    found = [CATEGORY_LABELS[slug] for slug in book.categories(text)]
    if book.is_abusive(text):
        found.append(dict(PHRASE_CATEGORIES)[ABUSE])
    return found


def try_phrase(category: str, phrase: str, text: str) -> PhraseTrial:
    """The words `phrase` matches in `text`, read as the scan reads it (sentence by sentence in the
    plain form; abusive words with look-alike characters undone), and what the scan's phrase lists
    find in the text now and with the phrase added. Nothing is stored."""
    pattern = re.compile(phrase_to_regex(phrase))
    if category == ABUSE:
        matched = [match.group(0) for match in pattern.finditer(abuse_form(text))]
    else:
        matched = [
            match.group(0) for sentence in sentences(text) for match in pattern.finditer(sentence)
        ]
    return PhraseTrial(
        matched=matched,
        found_now=_found(current_book(), text),
        found_with_it=_found(current_book([(category, phrase)]), text),
    )
