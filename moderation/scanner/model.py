"""The statistical half of the scan: TF-IDF over word and character n-grams of the plain form
(normalise.py), and one calibrated linear classifier per target, "any disclosure" and each
category (one-vs-rest).

Character n-grams are what lets it hold on words it has never seen spelt that way ("stabbd",
"bruises"/"bruised"); word pairs carry the phrases ("didnt say", "not going home"). Everything is
fitted with fixed seeds on sorted input, so the same texts give the same parameters byte for byte
(`parameter_digest`)."""

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from .corpus import SLUGS, Labelled
from .normalise import model_text, plain_words_at
from .phrases import builtin_book
from .pii import mask

ANY = "any-disclosure"
TARGETS = [ANY, *SLUGS]
FORMAT = 2  # bump when the parameters or their meaning change: older stored models are rebuilt
# Regularisation of every classifier, chosen by cross-validation on the training texts only.
C = 4.0
CALIBRATION_FOLDS = 3
# The built-in phrase rules are features, one per category, not verdicts: many are precise, some
# fire on "this hill kills my legs", and the model learns from the labelled texts how far to trust
# each category's rules. This is the value of a matched category beside the unit-length n-grams.
PHRASE_WEIGHT = 1.0


def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    words = TfidfVectorizer(
        analyzer="word",
        # "i", "u" and "2" carry meaning in how young people write: keep one-letter words.
        token_pattern=r"(?u)\b\w+\b",  # noqa: S106 - a regular expression, not a password
        ngram_range=(1, 2),
        min_df=2,
        sublinear_tf=True,
        dtype=np.float64,
    )
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, dtype=np.float64
    )
    return words, chars


def _classifier(seed: int, positives: int) -> CalibratedClassifierCV:
    # liblinear: a few times faster than lbfgs on these sparse features, and deterministic.
    linear = LogisticRegression(
        C=C, class_weight="balanced", max_iter=2000, solver="liblinear", random_state=seed
    )
    folds = max(2, min(CALIBRATION_FOLDS, positives))
    return CalibratedClassifierCV(
        linear,
        method="sigmoid",
        cv=StratifiedKFold(folds, shuffle=True, random_state=seed),
        ensemble=False,  # one linear model on all texts, its sigmoid fitted out of fold
    )


class ScanModel:
    def __init__(self, words, chars, classifiers: dict[str, CalibratedClassifierCV]):
        self.words = words
        self.chars = chars
        self.classifiers = classifiers
        self._prepare_explanations()

    @classmethod
    def fit(cls, corpus: Sequence[Labelled], seed: int = 0) -> "ScanModel":
        answers = {}
        for target in TARGETS:
            y = np.array([_has(labels, target) for labels, _ in corpus], dtype=int)
            if y.sum() < 2 or y.sum() > len(y) - 2:
                raise ValueError(f"too few texts on one side for {target}: {int(y.sum())}")
            answers[target] = y
        masked = [mask(text) for _, text in corpus]
        texts = [model_text(text) for text in masked]
        words, chars = _vectorizers()
        features = sp.hstack(
            [words.fit_transform(texts), chars.fit_transform(texts), phrase_features(masked)]
        ).tocsr()
        classifiers = {
            target: _classifier(seed, int(y.sum())).fit(features, y)
            for target, y in answers.items()
        }
        return cls(words, chars, classifiers)

    def features(self, texts: Sequence[str]):
        masked = [mask(text) for text in texts]
        plain = [model_text(text) for text in masked]
        return sp.hstack(
            [self.words.transform(plain), self.chars.transform(plain), phrase_features(masked)]
        ).tocsr()

    def scores_many(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities, one row per text, one column per target (TARGETS order).

        The same arithmetic as each classifier's predict_proba (linear score, then the fitted
        sigmoid), done for all targets in one product: a third of the time per text."""
        linear = self.features(texts) @ self._coef + self._intercept
        return expit(-(self._sigmoid_a * linear + self._sigmoid_b))

    def scores(self, text: str) -> dict[str, float]:
        return self.scores_and_features(mask(text))[0]

    def row(self, masked: str, phrase_categories=None):
        """`features([text])` computed directly (counts, log, idf, unit length per vectorizer):
        the vectorizers' own transform spends most of a scan's time checking its input.

        `masked` is the text with its personal data blanked (pii.mask); `phrase_categories`
        those the built-in rules matched in it, if the caller has them already."""
        plain = model_text(masked)
        indices, values = [], []
        offset = 0
        for vectorizer, analyzer in (
            (self.words, self._word_analyzer),
            (self.chars, self._char_analyzer),
        ):
            counts = Counter(analyzer(plain))
            vocabulary = vectorizer.vocabulary_
            found = sorted((vocabulary[g], n) for g, n in counts.items() if g in vocabulary)
            if found:
                columns = np.array([c for c, _ in found])
                weights = np.log(np.array([n for _, n in found], dtype=np.float64)) + 1.0
                weights *= vectorizer.idf_[columns]
                weights /= np.sqrt(np.dot(weights, weights))
                indices.append(columns + offset)
                values.append(weights)
            offset += len(vocabulary)
        if phrase_categories is None:
            phrase_categories = builtin_book().categories(masked)
        if phrase_categories:
            indices.append(np.array(sorted(offset + SLUGS.index(s) for s in phrase_categories)))
            values.append(np.full(len(phrase_categories), PHRASE_WEIGHT))
        offset += len(SLUGS)
        if not indices:
            return sp.csr_matrix((1, offset), dtype=np.float64)
        columns, data = np.concatenate(indices), np.concatenate(values)
        return sp.csr_matrix((data, columns, [0, len(columns)]), shape=(1, offset))

    def scores_and_features(self, masked: str, phrase_categories=None):
        """The probabilities of one text (personal data masked), and its feature row for
        `word_weights`."""
        row = self.row(masked, phrase_categories)
        linear = row @ self._coef + self._intercept
        values = expit(-(self._sigmoid_a * linear + self._sigmoid_b))[0]
        return dict(zip(TARGETS, values.tolist(), strict=True)), row

    # Explanations: which words of the text raised a target's score.

    def _linear(self, target: str) -> LogisticRegression:
        return self.classifiers[target].calibrated_classifiers_[0].estimator

    def _prepare_explanations(self) -> None:
        calibrated = [self.classifiers[t].calibrated_classifiers_[0] for t in TARGETS]
        self._coef = np.column_stack([c.estimator.coef_[0] for c in calibrated])
        self._intercept = np.array([c.estimator.intercept_[0] for c in calibrated])
        self._sigmoid_a = np.array([c.calibrators[0].a_ for c in calibrated])
        self._sigmoid_b = np.array([c.calibrators[0].b_ for c in calibrated])
        self._offset = len(self.words.vocabulary_)
        self._char_analyzer = self.chars.build_analyzer()
        self._word_analyzer = self.words.build_analyzer()

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._prepare_explanations()

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def word_weights(
        self, masked: str, targets: Sequence[str], row=None
    ) -> list[tuple[int, int, float]]:
        """(start, end, weight) in the text for each word that pushed the summed linear score of
        `targets` up: its own and its word pairs' weights, and a share of each character n-gram
        it contains. `masked` has its personal data blanked, so offsets are the original's; `row`
        is its features if already computed."""
        placed = plain_words_at(masked)
        if not placed:
            return []
        row = self.row(masked) if row is None else row
        columns = [TARGETS.index(t) for t in targets]
        weights_here = self._coef[row.indices][:, columns].sum(axis=1) * row.data
        contribution = dict(zip(row.indices.tolist(), weights_here.tolist(), strict=True))
        words = [word for word, _, _ in placed]
        weights = [0.0] * len(words)
        vocabulary = self.words.vocabulary_
        unigram_count = Counter(words)
        bigrams = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        bigram_count = Counter(bigrams)
        grams = [self._char_analyzer(word) for word in words]
        gram_count = Counter(g for word_grams in grams for g in set(word_grams))
        char_vocabulary = self.chars.vocabulary_
        for i, word in enumerate(words):
            if (index := vocabulary.get(word)) is not None:
                weights[i] += contribution.get(index, 0.0) / unigram_count[word]
            for gram in set(grams[i]):
                if (index := char_vocabulary.get(gram)) is not None:
                    share = contribution.get(index + self._offset, 0.0) / gram_count[gram]
                    weights[i] += share
        for i, bigram in enumerate(bigrams):
            if (index := vocabulary.get(bigram)) is not None:
                share = contribution.get(index, 0.0) / bigram_count[bigram] / 2
                weights[i] += share
                weights[i + 1] += share
        # Plain words from one chunk of the original ("im" is "i am") share its span.
        by_span: dict[tuple[int, int], float] = {}
        for (_, start, end), weight in zip(placed, weights, strict=True):
            by_span[(start, end)] = by_span.get((start, end), 0.0) + weight
        return [(start, end, w) for (start, end), w in by_span.items() if w > 0]

    def parameter_digest(self) -> str:
        """sha256 of every fitted parameter in a canonical order (not of the pickle)."""
        sha = hashlib.sha256(f"scan-model format {FORMAT}\n".encode())
        for vectorizer in (self.words, self.chars):
            sha.update(json.dumps(vectorizer.vocabulary_, sort_keys=True).encode())
            sha.update(np.ascontiguousarray(vectorizer.idf_, dtype=np.float64).tobytes())
        for target in TARGETS:
            calibrated = self.classifiers[target].calibrated_classifiers_[0]
            linear, sigmoid = calibrated.estimator, calibrated.calibrators[0]
            sha.update(target.encode())
            for array in (linear.coef_, linear.intercept_, [sigmoid.a_, sigmoid.b_]):
                sha.update(np.ascontiguousarray(array, dtype=np.float64).tobytes())
        return sha.hexdigest()


def phrase_features(masked_texts: Sequence[str]):
    """One column per category: PHRASE_WEIGHT where the built-in rules of it matched."""
    rows, columns = [], []
    for i, text in enumerate(masked_texts):
        for slug in _builtin_categories(text):
            rows.append(i)
            columns.append(SLUGS.index(slug))
    values = np.full(len(rows), PHRASE_WEIGHT)
    return sp.csr_matrix((values, (rows, columns)), shape=(len(masked_texts), len(SLUGS)))


@lru_cache(maxsize=20_000)
def _builtin_categories(masked: str) -> tuple[str, ...]:
    # Cross-validation fits the same texts five times over: match the rules once per text.
    return tuple(builtin_book().categories(masked))


def _has(labels, target: str) -> bool:
    if target == ANY:
        return any(label in SLUGS for label in labels)
    return target in labels
