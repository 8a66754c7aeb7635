"""The disclosure half of the scan: phrase rules and the statistical model combined into one
judgement with a level. The model reads the text with its personal data blanked (pii.mask), and
the built-in phrase rules are among its features: it has learnt how far each category's rules
can be trusted (they fire on "this hill kills my legs" too).

- likely: the model's any-disclosure probability reaches settings.SCAN_LIKELY_THRESHOLD, or a
  phrase a member of staff added matched (a person chose it: it alerts at once, before any
  retraining). Alerts the leads live.
- possible: the probability reaches settings.SCAN_POSSIBLE_THRESHOLD. A person must judge it.
- none: neither.

Categories, once a text is possible or likely, are those whose phrases matched and those whose
own probability reaches settings.SCAN_CATEGORY_THRESHOLD (the likeliest one if none does, so a
flagged text always names a category). Thresholds were chosen by cross-validation on the
training texts (see `manage.py scan_report`)."""

from dataclasses import dataclass, field

from django.conf import settings

from .corpus import SLUGS
from .model import ANY
from .normalise import plain_words_at
from .phrases import PhraseBook, builtin_book
from .pii import Span, mask
from .store import get_model

NONE, POSSIBLE, LIKELY = "none", "possible", "likely"
LEVELS = [NONE, POSSIBLE, LIKELY]
# Words that carry a phrase but say nothing on their own: never highlighted alone.
_QUIET = {
    "a",
    "an",
    "the",
    "i",
    "me",
    "my",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "it",
    "its",
    "we",
    "us",
    "our",
    "they",
    "them",
    "their",
    "is",
    "am",
    "are",
    "was",
    "were",
    "be",
    "been",
    "and",
    "or",
    "but",
    "so",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "that",
    "this",
    "there",
    "here",
    "not",
    "do",
    "did",
    "does",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "just",
    "like",
    "then",
    "when",
    "what",
    "who",
}


def setting(name: str):
    """A policy number of the scan, read from settings each time (tests override them)."""
    return getattr(settings, name)


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    text: str
    source: str  # "phrase" or "model"
    category: str = ""  # the category it speaks for (the phrase's, or the likeliest)

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source": self.source,
            "category": self.category,
        }


@dataclass
class Assessment:
    level: str = NONE
    score: float = 0.0  # the model's any-disclosure probability
    scores: dict[str, float] = field(default_factory=dict)  # per category
    categories: list[str] = field(default_factory=list)
    phrase_categories: list[str] = field(default_factory=list)
    staff_phrase_categories: list[str] = field(default_factory=list)  # of which staff-added
    highlights: list[Highlight] = field(default_factory=list)
    model: str = ""  # digest of the model's parameters

    @property
    def likely(self) -> list[str]:
        """The categories an alert to the leads names, when the level is likely: those whose
        phrases matched (they are the precise half), else those the model is fairly sure of
        (settings.SCAN_ALERT_CATEGORY_THRESHOLD), else the likeliest. `categories` names more,
        at a low threshold, for the person who judges the text; an alert names only what it can
        stand by."""
        if self.level != LIKELY:
            return []
        if self.staff_phrase_categories:
            return list(self.staff_phrase_categories)
        threshold = setting("SCAN_ALERT_CATEGORY_THRESHOLD")
        sure = [slug for slug in self.categories if self.scores.get(slug, 0.0) >= threshold]
        return sure or [max(self.categories, key=lambda slug: self.scores.get(slug, 0.0))]

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "score": round(self.score, 4),
            "scores": {slug: round(value, 4) for slug, value in self.scores.items()},
            "categories": list(self.categories),
            "phrase_categories": list(self.phrase_categories),
            "staff_phrase_categories": list(self.staff_phrase_categories),
            "highlights": [h.as_dict() for h in self.highlights],
            "model": self.model,
        }


def level_for(score: float, staff_phrase_hit: bool, possible: float | None = None) -> str:
    """`possible`: a threshold to try instead of settings.SCAN_POSSIBLE_THRESHOLD (choosing it)."""
    if staff_phrase_hit or score >= setting("SCAN_LIKELY_THRESHOLD"):
        return LIKELY
    if score >= (setting("SCAN_POSSIBLE_THRESHOLD") if possible is None else possible):
        return POSSIBLE
    return NONE


def categories_for(level: str, scores: dict[str, float], phrase_categories) -> list[str]:
    if level == NONE:
        return []
    threshold = setting("SCAN_CATEGORY_THRESHOLD")
    chosen = {slug for slug in SLUGS if scores[slug] >= threshold} | set(phrase_categories)
    if not chosen:
        chosen = {max(SLUGS, key=lambda slug: scores[slug])}
    return [slug for slug in SLUGS if slug in chosen]


def split_hits(masked: str, book: PhraseBook) -> tuple[dict, dict, list[str]]:
    """The phrase hits of the whole book, of the built-in rules (the model's features), and the
    categories only staff-added phrases matched more of."""
    builtin = builtin_book().hits(masked)
    hits = builtin if book is builtin_book() else book.hits(masked)
    staff = [slug for slug in SLUGS if len(hits.get(slug, ())) > len(builtin.get(slug, ()))]
    return hits, builtin, staff


def assess(text: str, book: PhraseBook | None = None, pii: list[Span] | None = None) -> Assessment:
    """`pii`: the text's personal-data spans if the caller found them already."""
    book = book or builtin_book()
    model, meta = get_model()
    masked = mask(text, pii)
    hits, builtin, staff = split_hits(masked, book)
    all_scores, row = model.scores_and_features(masked, list(builtin))
    score = all_scores[ANY]
    scores = {slug: all_scores[slug] for slug in SLUGS}
    level = level_for(score, bool(staff))
    categories = categories_for(level, scores, hits)
    highlights = []
    if level != NONE:
        likeliest = max(categories, key=lambda slug: scores[slug])
        highlights = _phrase_highlights(masked, hits) + _model_highlights(
            model, masked, categories, row, likeliest
        )
    return Assessment(
        level=level,
        score=score,
        scores=scores,
        categories=categories,
        phrase_categories=[slug for slug in SLUGS if slug in hits],
        staff_phrase_categories=staff,
        highlights=_merge(text, highlights),
        model=meta["model_sha256"],
    )


def _phrase_highlights(text: str, hits: dict[str, list[str]]) -> list[Highlight]:
    placed = plain_words_at(text)
    words = [word for word, _, _ in placed]
    out = []
    matched_in = {}
    for slug, found in hits.items():
        for matched in found:
            matched_in.setdefault(matched, slug)
    for matched, slug in matched_in.items():
        wanted = matched.split()
        for i in range(len(words) - len(wanted) + 1):
            if words[i : i + len(wanted)] == wanted:
                start, end = placed[i][1], placed[i + len(wanted) - 1][2]
                out.append(Highlight(start, end, text[start:end], "phrase", slug))
    return out


def _model_highlights(
    model, text: str, categories: list[str], row, likeliest: str
) -> list[Highlight]:
    weighted = [
        (start, end, weight)
        for start, end, weight in model.word_weights(text, [ANY, *categories], row)
        if text[start:end].lower() not in _QUIET
    ]
    if not weighted:
        return []
    strongest = max(weight for _, _, weight in weighted)
    weighted = [w for w in weighted if w[2] >= strongest / 4]
    weighted.sort(key=lambda w: (-w[2], w[0]))
    return [
        Highlight(start, end, text[start:end], "model", likeliest)
        for start, end, _ in weighted[: setting("SCAN_HIGHLIGHT_WORDS")]
    ]


def _merge(text: str, highlights: list[Highlight]) -> list[Highlight]:
    """Overlapping spans, and spans apart only by spaces, as one (a phrase wins over the model)."""
    out: list[Highlight] = []
    for h in sorted(highlights, key=lambda h: (h.start, -h.end)):
        if out and h.start <= out[-1].end + 1 and not text[out[-1].end : h.start].strip():
            last = out[-1]
            start, end = last.start, max(last.end, h.end)
            source = "phrase" if "phrase" in (last.source, h.source) else "model"
            category = last.category if last.source == source else h.category
            out[-1] = Highlight(start, end, text[start:end], source, category)
        else:
            out.append(h)
    return out
