"""Measuring the scan against labelled texts: recall and false-positive rate per category, and
personal-data recall on the fixture set. Used by `manage.py scan_report` and the tests."""

from dataclasses import dataclass
from pathlib import Path

from . import scan
from .phrases import ABUSE, CATEGORIES, PhraseBook
from .pii import find_pii

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus.tsv"
PII_FIXTURES = DATA / "pii_fixtures.tsv"
ANY = "any-disclosure"


def _rows(path: Path):
    for number, line in enumerate(Path(path).read_text().splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise ValueError(f"{path} line {number}: expected labels, a tab, then the text")
        labels, text = line.split("\t", 1)
        yield number, labels.strip(), text


def load_corpus(path: Path = CORPUS) -> list[tuple[set[str], str]]:
    known = {slug for slug, _ in CATEGORIES} | {ABUSE}
    corpus = []
    for number, labels, text in _rows(path):
        found = set() if labels == "-" else set(labels.split(","))
        if found - known:
            raise ValueError(f"{path} line {number}: unknown labels {sorted(found - known)}")
        corpus.append((found, text))
    return corpus


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
    fixtures = []
    for number, expected, text in _rows(path):
        spans = []
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
