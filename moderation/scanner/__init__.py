"""The automatic scan every contribution gets on arrival: personal data, abusive language and
safeguarding disclosure indicators. Phrase lists bundled under data/ plus a statistical model
trained from the labelled texts there (assessment.py): no network, no database (staff-added
phrases are handed in by the caller, see moderation/phrases.py)."""

from dataclasses import dataclass, field

from .assessment import LEVELS, LIKELY, NONE, POSSIBLE, Assessment, Highlight, assess
from .phrases import ABUSE, CATEGORIES, CATEGORY_LABELS, PhraseBook, builtin_book
from .pii import Span, find_pii

__all__ = [
    "ABUSE",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "LEVELS",
    "LIKELY",
    "NONE",
    "POSSIBLE",
    "Assessment",
    "Highlight",
    "PhraseBook",
    "ScanResult",
    "Span",
    "assess",
    "builtin_book",
    "redact",
    "scan",
]


@dataclass
class ScanResult:
    pii: list[Span] = field(default_factory=list)
    abuse: bool = False
    # Categories at the "likely" level: these alert the leads live, as before the model existed.
    disclosure: list[str] = field(default_factory=list)
    # The whole judgement: level, scores, categories at "possible" too, the words that raised it.
    assessment: Assessment = field(default_factory=Assessment)

    @property
    def flagged(self) -> bool:
        return bool(self.disclosure)

    @property
    def level(self) -> str:
        """How likely the text discloses harm: "likely" goes to the safeguarding leads at once;
        "possible" heads the moderation queue and is judged by a person before anything else."""
        return self.assessment.level

    @property
    def score(self) -> float:
        """The probability of any disclosure, 0..1 (1.0 when a phrase staff added matched)."""
        if self.assessment.staff_phrase_categories:
            return 1.0
        return round(self.assessment.score, 4)

    @property
    def highlights(self) -> list[dict]:
        """The words that raised it, over the original text: [{"start", "end", "category"}]."""
        return [
            {"start": h.start, "end": h.end, "category": h.category}
            for h in self.assessment.highlights
        ]

    def as_dict(self) -> dict:
        """The stored and printed shape: {"pii": [{"kind", "start", "end"}], "abuse",
        "disclosure", "level", "score", "highlights": [{"start", "end", "category"}]}."""
        return {
            "pii": [span.as_dict() for span in self.pii],
            "abuse": self.abuse,
            "disclosure": list(self.disclosure),
            "level": self.level,
            "score": self.score,
            "highlights": self.highlights,
        }

    def details(self) -> dict:
        """as_dict() plus the assessment: level, score, scores, categories, highlights, model."""
        return {**self.as_dict(), **self.assessment.as_dict()}


def scan(text: str, book: PhraseBook | None = None) -> ScanResult:
    book = book or builtin_book()
    pii = find_pii(text)
    assessment = assess(text, book, pii)
    return ScanResult(
        pii=pii,
        abuse=book.is_abusive(text),
        disclosure=assessment.likely,
        assessment=assessment,
    )


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
