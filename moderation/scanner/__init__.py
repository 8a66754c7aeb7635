"""The automatic scan every contribution gets on arrival: personal data, abusive language and
safeguarding disclosure indicators. Pure Python over bundled word lists: no network, no database
(staff-added phrases are handed in by the caller, see moderation/phrases.py)."""

import re
from dataclasses import dataclass, field

from .normalise import sentences
from .phrases import ABUSE, CATEGORIES, CATEGORY_LABELS, PhraseBook, builtin_book
from .pii import Span, find_pii

__all__ = [
    "ABUSE",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "LEVELS",
    "PhraseBook",
    "ScanResult",
    "Span",
    "builtin_book",
    "redact",
    "scan",
]


# How likely a text discloses harm: "likely" goes to the safeguarding leads at once; "possible"
# heads the moderation queue and must be judged by a person before anything else happens to it.
LEVELS = ("none", "possible", "likely")


@dataclass
class ScanResult:
    pii: list[Span] = field(default_factory=list)
    abuse: bool = False
    disclosure: list[str] = field(default_factory=list)
    level: str = "none"
    # The probability of any disclosure, 0..1 (1.0 for a phrase hit).
    score: float = 0.0
    # The words that raised it: [{"start", "end", "category"}] over the original text.
    highlights: list[dict] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.disclosure)

    def as_dict(self) -> dict:
        """The stored and printed shape: {"pii": [{"kind", "start", "end"}], "abuse",
        "disclosure", "level", "score", "highlights": [{"start", "end", "category"}]}."""
        return {
            "pii": [span.as_dict() for span in self.pii],
            "abuse": self.abuse,
            "disclosure": list(self.disclosure),
            "level": self.level,
            "score": self.score,
            "highlights": [dict(h) for h in self.highlights],
        }


def scan(text: str, book: PhraseBook | None = None) -> ScanResult:
    book = book or builtin_book()
    disclosure = book.categories(text)
    return ScanResult(
        pii=find_pii(text),
        abuse=book.is_abusive(text),
        disclosure=disclosure,
        level="likely" if disclosure else "none",
        score=1.0 if disclosure else 0.0,
        highlights=phrase_highlights(text, book, disclosure),
    )


# The phrase rules match sentences of the plain form; splitting the original the same way gives
# each matching sentence's place in the text the moderator reads.
_ORIGINAL_SENTENCE = re.compile(r"[^.!?;\n]+")


def phrase_highlights(text: str, book: PhraseBook, categories) -> list[dict]:
    """The sentences of `text` in which a phrase of `categories` matched."""
    found = []
    for match in _ORIGINAL_SENTENCE.finditer(text or "") if categories else ():
        plain = sentences(match.group(0))
        for slug in categories:
            if any(rule.matches(s) for rule in book.rules.get(slug, ()) for s in plain):
                start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
                end = match.start() + len(match.group(0).rstrip())
                found.append({"start": start, "end": end, "category": slug})
                break
    return found


REDACTION_LABELS = {
    "email": "[email removed]",
    "phone": "[phone number removed]",
    "postcode": "[postcode removed]",
    "handle": "[username removed]",
    "url": "[link removed]",
    "plate": "[number plate removed]",
    "name": "[name removed]",
}


def redact(text: str, spans) -> str:
    """`text` with each span (objects or dicts with kind, start, end) replaced by a label."""
    out, position = [], 0
    for span in sorted(spans, key=lambda s: _field(s, "start")):
        start, end = _field(span, "start"), _field(span, "end")
        if start < position or end > len(text):
            continue
        out.append(text[position:start])
        out.append(REDACTION_LABELS.get(_field(span, "kind"), "[removed]"))
        position = end
    out.append(text[position:])
    return "".join(out)


def _field(span, name):
    return span[name] if isinstance(span, dict) else getattr(span, name)
