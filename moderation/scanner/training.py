"""Training the model from the labelled texts in the repository (and staff examples handed in),
and the cross-validated scores its thresholds are chosen from.

No network and no downloaded weights: the corpus files under data/ are all it learns from."""

import hashlib

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedKFold

from django.conf import settings
from django.utils.module_loading import import_string

from . import corpus as corpora
from .model import FORMAT, ScanModel
from .phrases import DATA

SEED = 0


def staff_examples() -> list[tuple[frozenset[str], str]]:
    """The staff-written examples settings.SCAN_STAFF_EXAMPLES names (a callable returning
    (labels, text) pairs, labels as in the training files, "cat1,cat2" or "-", or a list), or
    none when the setting is empty. Never the young person's own words: staff write these."""
    source = settings.SCAN_STAFF_EXAMPLES
    if not source:
        return []
    return [
        (_labels(labels, f"staff example {text[:40]!r}"), text)
        for labels, text in import_string(source)()
    ]


def _labels(labels, where: str) -> frozenset[str]:
    if isinstance(labels, str):
        return corpora.parse_labels(labels, where)
    return corpora.parse_labels(",".join(sorted(labels)) or "-", where)


def train(extra=None, seed: int = SEED) -> tuple[ScanModel, dict]:
    """The model and its record: digests of the data and of the fitted parameters, sizes."""
    extra = staff_examples() if extra is None else list(extra)
    repository = corpora.training_corpus()
    data = corpora.training_corpus(extra)
    model = ScanModel.fit(data, seed=seed)
    per_label = {slug: sum(slug in labels for labels, _ in data) for slug in sorted(corpora.KNOWN)}
    meta = {
        "format": FORMAT,
        "data_sha256": corpora.digest(data),
        "repository_data_sha256": corpora.digest(repository),
        "model_sha256": model.parameter_digest(),
        "texts": len(data),
        "disclosures": sum(corpora.is_disclosure(labels) for labels, _ in data),
        "benign": sum(not corpora.is_disclosure(labels) for labels, _ in data),
        "phrases_sha256": phrases_digest(),
        "staff_examples": len(extra),
        "per_label": per_label,
        "seed": seed,
        "scikit_learn": sklearn.__version__,
        "files": [path.name for path in corpora.training_files()],
    }
    return model, meta


def phrases_digest() -> str:
    """sha256 of the built-in phrase rules: they are features of the model, so a change to them
    is a change to its data."""
    return hashlib.sha256((DATA / "disclosure.txt").read_bytes()).hexdigest()


def strata(data) -> list[str]:
    """A stratum per text for cross-validation: its first disclosure category, else "abuse" or
    "-" (so every fold holds every category in proportion)."""
    out = []
    for labels, _ in data:
        slugs = [slug for slug in corpora.SLUGS if slug in labels]
        out.append(slugs[0] if slugs else ("abuse" if "abuse" in labels else "-"))
    return out


def cross_validated_scores(data, folds: int = 5, seed: int = SEED) -> np.ndarray:
    """Out-of-fold probabilities (one row per text of `data`, TARGETS columns): each text scored
    by a model that never saw it."""
    texts = [text for _, text in data]
    out = np.zeros((len(data), 0))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    rows = []
    for fit_index, score_index in splitter.split(texts, strata(data)):
        model = ScanModel.fit([data[i] for i in fit_index], seed=seed)
        rows.append((score_index, model.scores_many([texts[i] for i in score_index])))
    out = np.zeros((len(data), rows[0][1].shape[1]))
    for index, scores in rows:
        out[index] = scores
    return out
