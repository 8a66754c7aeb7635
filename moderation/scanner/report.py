"""Measuring the scan against labelled texts: recall and false-positive rate per category, and
personal-data recall on the fixture set. Used by `manage.py scan_report` and the tests.

`evaluate` measures what alerts the leads (the "likely" categories of `scan`); `judge` and
`level_figures` measure both levels, for the stored model on a held-out set or for the
cross-validated scores of the training texts."""

from dataclasses import dataclass, field
from pathlib import Path

from . import scan
from .assessment import LIKELY, NONE, categories_for, level_for, split_hits
from .corpus import CORPUS, DATA, SLUGS, load_labelled
from .corpus import rows as _rows
from .model import ANY, TARGETS
from .phrases import ABUSE, CATEGORIES, PhraseBook, builtin_book
from .pii import find_pii, mask

PII_FIXTURES = DATA / "pii_fixtures.tsv"
PII_KINDS = ["email", "url", "phone", "postcode", "plate", "handle", "name"]
# The targets of issue 13, judged on the held-out set.
TARGETS_POSSIBLE_ANY_RECALL = 0.97
TARGETS_POSSIBLE_CATEGORY_RECALL = 0.90
TARGETS_BENIGN_FALSE_ALARMS = 0.10
TARGETS_LIKELY_PRECISION = 0.80
TARGETS_PII_RECALL = 1.0


def load_corpus(path: Path = CORPUS) -> list[tuple[set[str], str]]:
    return [(set(labels), text) for labels, text in load_labelled(path)]


@dataclass
class Row:
    category: str
    positives: int
    negatives: int
    hits: int
    false_alarms: int

    @property
    def recall(self) -> float:
        return self.hits / self.positives if self.positives else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.false_alarms / self.negatives if self.negatives else 0.0


@dataclass
class Misclassified:
    text: str
    missed: list[str]
    extra: list[str]


def evaluate(corpus, book: PhraseBook | None = None) -> tuple[list[Row], list[Misclassified]]:
    disclosure_slugs = {slug for slug, _ in CATEGORIES}
    results = []
    for labels, text in corpus:
        result = scan(text, book)
        found = set(result.disclosure) | ({ABUSE} if result.abuse else set())
        results.append((labels, found, text))
    rows = []
    for category in [slug for slug, _ in CATEGORIES] + [ABUSE]:
        positives = [r for r in results if category in r[0]]
        negatives = [r for r in results if category not in r[0]]
        rows.append(
            Row(
                category,
                len(positives),
                len(negatives),
                sum(category in found for _, found, _ in positives),
                sum(category in found for _, found, _ in negatives),
            )
        )
    # What matters most for a young person: does the text reach a lead at all?
    has_any = [bool(labels & disclosure_slugs) for labels, _, _ in results]
    flagged = [bool(found & disclosure_slugs) for _, found, _ in results]
    pairs = list(zip(has_any, flagged, strict=True))
    rows.append(
        Row(
            ANY,
            sum(h for h, _ in pairs),
            sum(not h for h, _ in pairs),
            sum(h and f for h, f in pairs),
            sum(f and not h for h, f in pairs),
        )
    )
    wrong = [
        Misclassified(text, sorted(labels - found), sorted(found - labels))
        for labels, found, text in results
        if labels != found
    ]
    return rows, wrong


def load_pii_fixtures(path: Path = PII_FIXTURES) -> list[tuple[list[tuple[str, str]], str]]:
    """Either format, line by line: `kind=words;kind=words<TAB>text` (or `-<TAB>text`), or
    `kind<TAB>words<TAB>text` (the dev and held-out sets), one expected span a line."""
    fixtures = []
    for number, expected, text in _rows(path):
        spans = []
        if "\t" in text and "=" not in expected:
            words, text = text.split("\t", 1)
            expected = "-" if expected == "-" else f"{expected}={words}"
        if expected != "-":
            for part in expected.split(";"):
                kind, _, words = part.partition("=")
                if words not in text:
                    raise ValueError(f"{path} line {number}: {words!r} is not in the text")
                spans.append((kind, words))
        fixtures.append((spans, text))
    return fixtures


@dataclass
class PiiReport:
    expected: int
    found: int
    missed: list[tuple[str, str, str]]  # (kind, words, text)
    false_alarms: list[tuple[str, str, str]]  # found in texts that have none

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def evaluate_pii(fixtures) -> PiiReport:
    expected = found = 0
    missed, false_alarms = [], []
    for spans, text in fixtures:
        detected = find_pii(text)
        if not spans:
            false_alarms += [(s.kind, text[s.start : s.end], text) for s in detected]
        for kind, words in spans:
            expected += 1
            start = text.find(words)
            end = start + len(words)
            if any(s.kind == kind and s.start <= start and s.end >= end for s in detected):
                found += 1
            else:
                missed.append((kind, words, text))
    return PiiReport(expected, found, missed, false_alarms)


# Both levels.


@dataclass
class Judgement:
    level: str
    categories: list[str]
    abusive: bool = False


def judge_scores(
    texts, scores, book: PhraseBook | None = None, possible: float | None = None
) -> list[Judgement]:
    """Levels and categories from model probabilities (rows in TARGETS order) and the phrase
    rules, exactly as `assess` combines them: for cross-validated scores. `possible`: a
    "possible" threshold to try instead of the setting's."""
    book = book or builtin_book()
    out = []
    for text, row in zip(texts, scores, strict=True):
        by_target = dict(zip(TARGETS, (float(v) for v in row), strict=True))
        hits, _, staff = split_hits(mask(text), book)
        level = level_for(by_target[ANY], bool(staff), possible)
        out.append(Judgement(level, categories_for(level, by_target, hits), book.is_abusive(text)))
    return out


def judge_texts(texts, book: PhraseBook | None = None) -> list[Judgement]:
    """Levels and categories of the scan as it runs (the stored model)."""
    out = []
    for text in texts:
        result = scan(text, book)
        out.append(Judgement(result.level, result.assessment.categories, result.abuse))
    return out


@dataclass
class LevelFigures:
    texts: int
    disclosures: int
    benign: int
    any_possible: int  # disclosures at possible or likely
    any_likely: int
    benign_alarms: int  # benign texts at possible or likely
    likely: int  # texts at likely
    likely_right: int  # of which disclosures
    per_category: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    # slug: (texts with it, found at possible or likely, texts without it, named there anyway)
    abuse: tuple[int, int, int, int] = (0, 0, 0, 0)
    misses: list[tuple[str, list[str], list[str], str]] = field(default_factory=list)
    # (level, missed categories, labels, text) for disclosures; benign alarms as level, [], [], text

    @staticmethod
    def ratio(a: int, b: int, empty: float = 1.0) -> float:
        return a / b if b else empty

    @property
    def recall_possible(self) -> float:
        return self.ratio(self.any_possible, self.disclosures)

    @property
    def recall_likely(self) -> float:
        return self.ratio(self.any_likely, self.disclosures)

    @property
    def false_alarm_rate(self) -> float:
        return self.ratio(self.benign_alarms, self.benign, 0.0)

    @property
    def likely_precision(self) -> float:
        return self.ratio(self.likely_right, self.likely)

    def category_recall(self, slug: str) -> float:
        positives, found, _, _ = self.per_category[slug]
        return self.ratio(found, positives)

    def missed_targets(self) -> list[str]:
        missed = []
        if self.recall_possible < TARGETS_POSSIBLE_ANY_RECALL:
            missed.append(f"any-disclosure recall {self.recall_possible:.1%}")
        for slug in SLUGS:
            if self.per_category[slug][0] and self.category_recall(slug) < (
                TARGETS_POSSIBLE_CATEGORY_RECALL
            ):
                missed.append(f"{slug} recall {self.category_recall(slug):.1%}")
        if self.false_alarm_rate > TARGETS_BENIGN_FALSE_ALARMS:
            missed.append(f"false alarms {self.false_alarm_rate:.1%}")
        if self.likely_precision < TARGETS_LIKELY_PRECISION:
            missed.append(f"likely precision {self.likely_precision:.1%}")
        return missed


def level_figures(labelled, judgements: list[Judgement]) -> LevelFigures:
    labelled = list(labelled)
    disclosing = [bool(set(labels) & set(SLUGS)) for labels, _ in labelled]
    figures = LevelFigures(
        texts=len(labelled),
        disclosures=sum(disclosing),
        benign=len(labelled) - sum(disclosing),
        any_possible=0,
        any_likely=0,
        benign_alarms=0,
        likely=0,
        likely_right=0,
    )
    for (labels, text), is_disclosure, judged in zip(labelled, disclosing, judgements, strict=True):
        raised = judged.level != NONE
        figures.any_possible += is_disclosure and raised
        figures.any_likely += is_disclosure and judged.level == LIKELY
        figures.benign_alarms += (not is_disclosure) and raised
        figures.likely += judged.level == LIKELY
        figures.likely_right += is_disclosure and judged.level == LIKELY
        named = set(judged.categories) if raised else set()
        expected = set(labels) & set(SLUGS)
        if is_disclosure and (not raised or expected - named):
            figures.misses.append((judged.level, sorted(expected - named), sorted(labels), text))
        elif not is_disclosure and raised:
            figures.misses.append((judged.level, [], sorted(labels), text))
    for slug in SLUGS:
        positives = [slug in labels for labels, _ in labelled]
        named = [j.level != NONE and slug in j.categories for j in judgements]
        figures.per_category[slug] = (
            sum(positives),
            sum(p and n for p, n in zip(positives, named, strict=True)),
            len(positives) - sum(positives),
            sum(n and not p for p, n in zip(positives, named, strict=True)),
        )
    abusive = [ABUSE in labels for labels, _ in labelled]
    flagged = [j.abusive for j in judgements]
    figures.abuse = (
        sum(abusive),
        sum(a and f for a, f in zip(abusive, flagged, strict=True)),
        len(abusive) - sum(abusive),
        sum(f and not a for a, f in zip(abusive, flagged, strict=True)),
    )
    return figures


@dataclass
class PiiKinds:
    """Personal-data recall per kind: kind -> (expected, found)."""

    kinds: dict[str, tuple[int, int]]
    report: "PiiReport"


def evaluate_pii_kinds(fixtures) -> PiiKinds:
    report = evaluate_pii(fixtures)
    expected: dict[str, int] = {}
    for spans, _ in fixtures:
        for kind, _ in spans:
            expected[kind] = expected.get(kind, 0) + 1
    missed: dict[str, int] = {}
    for kind, _, _ in report.missed:
        missed[kind] = missed.get(kind, 0) + 1
    kinds = {
        kind: (expected[kind], expected[kind] - missed.get(kind, 0))
        for kind in PII_KINDS + sorted(set(expected) - set(PII_KINDS))
        if kind in expected
    }
    return PiiKinds(kinds, report)


def threshold_by_cross_validation(
    labelled, scores, recall: float, category_recall: float, book: PhraseBook | None = None
) -> tuple[float, LevelFigures] | None:
    """The highest "possible" threshold (in steps of 0.01) at which the cross-validated scores
    of the training texts still find `recall` of the disclosures and `category_recall` of each
    category, with its figures; None when even 0.01 does not. Chosen on training texts only,
    so the dev and held-out sets stay out of the choice."""
    texts = [text for _, text in labelled]
    book = book or builtin_book()
    chosen = None
    for step in range(1, 100):
        threshold = step / 100
        figures = level_figures(labelled, judge_scores(texts, scores, book, threshold))
        categories_met = all(
            figures.category_recall(slug) >= category_recall
            for slug in SLUGS
            if figures.per_category[slug][0]
        )
        if figures.recall_possible < recall or not categories_met:
            break
        chosen = (threshold, figures)
    return chosen
