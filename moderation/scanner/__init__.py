"""The automatic scan every contribution gets on arrival: personal data, abusive language and
safeguarding disclosure indicators. Pure Python over bundled word lists: no network, no database
(staff-added phrases are handed in by the caller, see moderation/phrases.py)."""

from dataclasses import dataclass, field

from .phrases import ABUSE, CATEGORIES, CATEGORY_LABELS, PhraseBook, builtin_book
from .pii import Span, find_pii

__all__ = [
    "ABUSE",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "PhraseBook",
    "ScanResult",
    "Span",
    "builtin_book",
    "redact",
    "scan",
]


@dataclass
class ScanResult:
    pii: list[Span] = field(default_factory=list)
    abuse: bool = False
    disclosure: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.disclosure)

    def as_dict(self) -> dict:
        """The stored and printed shape: {"pii": [{"kind", "start", "end"}], "abuse", "disclosure"}."""
        return {
            "pii": [span.as_dict() for span in self.pii],
            "abuse": self.abuse,
            "disclosure": list(self.disclosure),
        }


def scan(text: str, book: PhraseBook | None = None) -> ScanResult:
    book = book or builtin_book()
    return ScanResult(
        pii=find_pii(text),
        abuse=book.is_abusive(text),
        disclosure=book.categories(text),
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
