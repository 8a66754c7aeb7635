"""Phrase lists: the built-in ones under data/ and any a member of staff adds, compiled together.

Disclosure phrases are matched sentence by sentence against the plain form of normalise.py;
abusive words against the text with look-alike characters undone."""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .normalise import phrase_to_regex, sentences

DATA = Path(__file__).parent / "data"

CATEGORIES = [
    ("immediate-danger", "Immediate danger"),
    ("sexual-exploitation", "Sexual exploitation"),
    ("criminal-exploitation", "Criminal exploitation and county lines"),
    ("weapons-violence", "Weapons and violence"),
    ("self-harm", "Self-harm and suicide"),
    ("abuse-at-home", "Abuse at home"),
    ("missing", "Missing from home"),
    ("online-grooming", "Online grooming"),
]
CATEGORY_LABELS = dict(CATEGORIES)
ABUSE = "abuse"

_DEFINE = re.compile(r"^@define\s+(\w+)\s*=\s*(.+)$")
_SECTION = re.compile(r"^\[([a-z-]+)\]$")
_GAP = re.compile(r"\s*~(\d)~\s*")
_LOOKALIKES = str.maketrans({"0": "o", "1": "i", "!": "i", "3": "e", "4": "a", "5": "s", "$": "s"})
_LOOKALIKE_WORD = re.compile(r"[a-z0-9!$*@]*[a-z][a-z0-9!$*@]*")
_STRETCHED = re.compile(r"([a-z])\1{2,}")


@dataclass(frozen=True)
class Rule:
    """Regular expressions that must all match in one sentence, and any that must not."""

    parts: tuple[re.Pattern, ...]
    source: str
    unless: tuple[re.Pattern, ...] = ()

    def matches(self, sentence: str) -> bool:
        return all(part.search(sentence) for part in self.parts) and not any(
            part.search(sentence) for part in self.unless
        )

    def matched_words(self, sentence: str) -> list[str]:
        """The plain words each part matched, if the rule matches the sentence, else []."""
        if not self.matches(sentence):
            return []
        return [match.group(0) for part in self.parts if (match := part.search(sentence))]


@dataclass
class PhraseBook:
    rules: dict[str, list[Rule]] = field(default_factory=dict)
    abuse: list[re.Pattern] = field(default_factory=list)

    def categories(self, text: str) -> list[str]:
        plain = sentences(text)
        found = []
        for slug, _label in CATEGORIES:
            if any(
                rule.matches(sentence) for rule in self.rules.get(slug, ()) for sentence in plain
            ):
                found.append(slug)
        return found

    def hits(self, text: str) -> dict[str, list[str]]:
        """Per category that matched, the plain words its rules matched (for highlighting)."""
        plain = sentences(text)
        found: dict[str, list[str]] = {}
        for slug, _label in CATEGORIES:
            for rule in self.rules.get(slug, ()):
                for sentence in plain:
                    if words := rule.matched_words(sentence):
                        found.setdefault(slug, []).extend(words)
        return found

    def is_abusive(self, text: str) -> bool:
        prepared = abuse_form(text)
        return any(pattern.search(prepared) for pattern in self.abuse)

    def extended(self, phrases) -> "PhraseBook":
        """A copy with staff phrases added: (category slug or "abuse", phrase) pairs."""
        book = PhraseBook(
            {slug: list(rules) for slug, rules in self.rules.items()}, list(self.abuse)
        )
        for category, phrase in phrases:
            regex = phrase_to_regex(phrase)
            if not regex:
                continue
            if category == ABUSE:
                book.abuse.append(re.compile(regex))
            elif category in CATEGORY_LABELS:
                book.rules.setdefault(category, []).append(Rule((re.compile(regex),), phrase))
        return book


def abuse_form(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()

    def undo(match):
        word = match.group(0)
        return word.translate(_LOOKALIKES).replace("@", "a") if re.search(r"[a-z]", word) else word

    return _STRETCHED.sub(r"\1", _LOOKALIKE_WORD.sub(undo, text))


def _expand(line: str, defines: dict[str, str]) -> str:
    for name, value in defines.items():
        line = line.replace("{" + name + "}", value)
    return _GAP.sub(lambda m: r" (?:\w+ ){0,%s}" % m.group(1), line)


def parse_disclosure(text: str) -> dict[str, list[Rule]]:
    rules: dict[str, list[Rule]] = {}
    defines: dict[str, str] = {}
    section = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if match := _DEFINE.match(line):
            defines[match.group(1)] = match.group(2).strip()
            continue
        if match := _SECTION.match(line):
            section = match.group(1)
            if section not in CATEGORY_LABELS:
                raise ValueError(f"disclosure.txt line {number}: unknown category {section}")
            continue
        if section is None:
            raise ValueError(f"disclosure.txt line {number}: a phrase before any [category]")
        parts, unless = [], []
        for part in (p.strip() for p in line.split("&&")):
            target = unless if part.startswith("!") else parts
            target.append(re.compile(_expand(part.removeprefix("!"), defines)))
        rules.setdefault(section, []).append(Rule(tuple(parts), line, tuple(unless)))
    return rules


@cache
def builtin_book() -> PhraseBook:
    rules = parse_disclosure((DATA / "disclosure.txt").read_text())
    abuse = [
        re.compile(line.strip())
        for line in (DATA / "abuse.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return PhraseBook(rules, abuse)
