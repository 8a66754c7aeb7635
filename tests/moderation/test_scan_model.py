"""The scan's statistical model: trained reproducibly, offline, on first use when missing; levels
set by the thresholds in settings; highlighted words taken from the text; scan()'s shape kept.

Most tests train on corpus.tsv alone into a temporary directory (a few seconds), so they neither
depend on nor disturb the model under var/."""

import json
import shutil
import socket
import threading

import numpy as np
import pytest

from django.test import override_settings

from moderation.scanner import (
    CATEGORIES,
    LIKELY,
    NONE,
    POSSIBLE,
    PhraseBook,
    assess,
    builtin_book,
    scan,
    store,
)
from moderation.scanner import corpus as corpora
from moderation.scanner.assessment import categories_for
from moderation.scanner.model import ANY, TARGETS, ScanModel
from moderation.scanner.pii import mask
from moderation.scanner.report import threshold_by_cross_validation
from moderation.scanner.training import train

STAFF_EXAMPLES = [
    (["criminal-exploitation"], "the olders give me a phone and i have to answer it for them"),
    (["-"], "the olders play football on the cage pitch"),
]


def staff_examples():
    return list(STAFF_EXAMPLES)


@pytest.fixture
def small_model(tmp_path, monkeypatch, settings):
    """The model trained on corpus.tsv only, stored under a temporary SCAN_MODEL_DIR."""
    monkeypatch.setattr(corpora, "training_files", lambda: [corpora.CORPUS])
    settings.SCAN_MODEL_DIR = tmp_path / "scan_model"
    store.clear_cache()
    yield settings.SCAN_MODEL_DIR
    store.clear_cache()


@pytest.fixture(scope="module")
def trained_once(tmp_path_factory):
    """One small model for the tests that only read it (training takes seconds each time)."""
    directory = tmp_path_factory.mktemp("trained") / "scan_model"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(corpora, "training_files", lambda: [corpora.CORPUS])
        store.save(*train(extra=[]), directory)
    return directory


@pytest.fixture
def ready_model(small_model, trained_once):
    shutil.copytree(trained_once, small_model)
    return small_model


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network used: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_two_trainings_give_identical_digests_and_scores(small_model):
    first_model, first = train(extra=[])
    second_model, second = train(extra=[])
    assert first["model_sha256"] == second["model_sha256"]
    assert first["data_sha256"] == second["data_sha256"]
    texts = [text for _, text in corpora.load_labelled(corpora.CORPUS)[:40]]
    assert (first_model.scores_many(texts) == second_model.scores_many(texts)).all()
    # The digest follows the data: one more example is another model.
    _, third = train(extra=STAFF_EXAMPLES[:1])
    assert third["model_sha256"] != first["model_sha256"]
    assert third["data_sha256"] != first["data_sha256"]


def test_the_order_of_the_examples_does_not_change_the_model(small_model):
    _, forwards = train(extra=STAFF_EXAMPLES)
    _, backwards = train(extra=list(reversed(STAFF_EXAMPLES)))
    assert forwards["model_sha256"] == backwards["model_sha256"]


def test_stored_model_records_its_digests(small_model):
    model, meta = store.build(extra=[])
    recorded = json.loads((small_model / store.META_FILE).read_text())
    assert recorded["model_sha256"] == model.parameter_digest() == meta["model_sha256"]
    assert recorded["data_sha256"] == corpora.digest(corpora.training_corpus())
    assert recorded["texts"] == len(corpora.training_corpus())
    assert (small_model / store.MODEL_FILE).exists()


def test_staff_examples_from_settings_join_the_training(small_model, settings):
    settings.SCAN_STAFF_EXAMPLES = f"{__name__}.staff_examples"
    _, meta = train()
    assert meta["staff_examples"] == 2
    assert meta["texts"] == len(corpora.training_corpus()) + 2
    assert meta["data_sha256"] == corpora.digest(corpora.training_corpus(STAFF_EXAMPLES))


def test_training_and_scanning_make_no_network_call(small_model, no_network):
    result = scan("my step dad hits me when hes drunk and i have bruises")
    assert (small_model / store.MODEL_FILE).exists()  # trained just now, offline
    assert result.level == LIKELY
    for _, text in corpora.load_labelled(corpora.CORPUS)[:50]:
        assess(text)
    assert no_network == []


def test_the_model_is_built_on_first_use_when_missing(small_model, monkeypatch):
    assert not small_model.exists()
    model, meta = store.get_model()
    assert (small_model / store.MODEL_FILE).exists()
    assert store.get_model()[0] is model  # cached in the process
    store.clear_cache()

    def must_not_train(*args, **kwargs):
        raise AssertionError("trained again although a good model was stored")

    monkeypatch.setattr(store, "train", must_not_train)
    loaded, loaded_meta = store.get_model()
    assert loaded is not model and loaded_meta["model_sha256"] == meta["model_sha256"]


def test_a_damaged_or_stale_model_is_rebuilt(small_model):
    _, meta = store.get_model()
    store.clear_cache()
    (small_model / store.MODEL_FILE).write_bytes(b"not a model")
    assert store.load() is None
    assert store.get_model()[1]["model_sha256"] == meta["model_sha256"]
    store.clear_cache()
    record = json.loads((small_model / store.META_FILE).read_text())
    record["repository_data_sha256"] = "0" * 64  # as if the labelled texts had changed since
    (small_model / store.META_FILE).write_text(json.dumps(record))
    assert store.load() is None


def test_first_use_trains_once_however_many_threads_ask(small_model, monkeypatch):
    calls = []
    real_train = store.train

    def counting_train(*args, **kwargs):
        calls.append(1)
        return real_train(*args, **kwargs)

    monkeypatch.setattr(store, "train", counting_train)
    results = []
    threads = [threading.Thread(target=lambda: results.append(store.get_model())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len({id(model) for model, _ in results}) == 1


TEXT = "been staying at his flat for days and my mum dont know where i am"


def test_levels_follow_the_thresholds_in_settings(ready_model, settings):
    no_phrases = PhraseBook()
    score = assess(TEXT, no_phrases).score
    assert 0 < score < 1
    settings.SCAN_POSSIBLE_THRESHOLD, settings.SCAN_LIKELY_THRESHOLD = score / 2, 1.01
    assert assess(TEXT, no_phrases).level == POSSIBLE
    settings.SCAN_LIKELY_THRESHOLD = score
    assert assess(TEXT, no_phrases).level == LIKELY
    settings.SCAN_POSSIBLE_THRESHOLD = settings.SCAN_LIKELY_THRESHOLD = min(1.0, score * 1.01)
    nothing = assess(TEXT, no_phrases)
    assert nothing.level == NONE and nothing.categories == [] and nothing.highlights == []


@override_settings(SCAN_POSSIBLE_THRESHOLD=1.01, SCAN_LIKELY_THRESHOLD=1.01)
def test_a_staff_phrase_is_likely_whatever_the_model_says(ready_model):
    # The built-in rules are features the model weighs ("this hill kills my legs" matches one):
    # alone they decide nothing.
    assert assess("i want to kill myself").level == NONE
    book = builtin_book().extended([("missing", "sofa surfing")])
    result = assess("been sofa surfing all week", book)
    assert result.level == LIKELY and result.staff_phrase_categories == ["missing"]
    assert result.likely == ["missing"] and scan("been sofa surfing all week", book).score == 1
    assert any(h.source == "phrase" and h.text == "sofa surfing" for h in result.highlights)
    # The alert names what the phrase said, even when the model would name more.
    with override_settings(SCAN_CATEGORY_THRESHOLD=0.0, SCAN_ALERT_CATEGORY_THRESHOLD=0.0):
        wide = assess("been sofa surfing all week", book)
    assert len(wide.categories) == 8 and wide.likely == ["missing"]


def test_a_built_in_phrase_raises_the_score(ready_model):
    model, _ = store.get_model()
    text = "i want to kill myself"
    with_rules = model.scores_and_features(text)[0][ANY]
    without = model.scores_and_features(text, phrase_categories=[])[0][ANY]
    assert with_rules > without


def test_the_model_never_reads_personal_data(ready_model):
    """Digits of a phone number, a name or a handle say nothing of harm: they are blanked to
    spaces before the model reads the text, so offsets (highlights) still hold."""
    text = "text jake smith on 07700 900123 or add trey.boi on snap, the park is nice"
    masked = mask(text)
    assert len(masked) == len(text) and "07700" not in masked and "trey" not in masked
    assert " ".join(masked.split()) == "text on or add on snap, the park is nice"
    model, _ = store.get_model()
    assert model.scores(text) == model.scores("text on or add on snap, the park is nice")
    assert (model.features([text]) != model.features([masked])).nnz == 0


def test_a_flagged_text_always_names_a_category():
    scores = dict.fromkeys(TARGETS[1:], 0.01) | {"missing": 0.05}
    with override_settings(SCAN_CATEGORY_THRESHOLD=0.5):
        assert categories_for(POSSIBLE, scores, {}) == ["missing"]
        assert categories_for(NONE, scores, {}) == []
        assert categories_for(LIKELY, scores, {"self-harm": ["x"]}) == ["self-harm"]
    with override_settings(SCAN_CATEGORY_THRESHOLD=0.04):
        assert categories_for(POSSIBLE, scores, {}) == ["missing"]


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "I’m scared of going home, dad's drunk again & there's marks on my arm!!",
        "my step dad hits me when hes drunk and i have bruises",
        "the olders make me hold their stuff n run it to bath",
        "he said if i dont send more pics hell show everyone",
    ],
)
def test_highlighted_words_are_words_of_the_text(ready_model, text):
    with override_settings(SCAN_POSSIBLE_THRESHOLD=0.0):
        result = assess(text)
    assert result.highlights
    for highlight in result.highlights:
        assert highlight.text == text[highlight.start : highlight.end]
        assert highlight.text.strip() == highlight.text and highlight.text
        assert highlight.source in {"phrase", "model"}
    spans = sorted((h.start, h.end) for h in result.highlights)
    assert all(a_end < b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_scan_keeps_its_shape_and_adds_the_assessment(ready_model, settings):
    result = scan("text me on 07700 900123 the park is nice")
    stored = {"pii", "abuse", "disclosure", "level", "score", "highlights"}
    assert set(result.as_dict()) == stored
    assert result.as_dict()["pii"] == [{"kind": "phone", "start": 11, "end": 23}]
    details = result.details()
    assert set(details) >= {"pii", "abuse", "disclosure", "level", "score", "scores", "highlights"}
    assert set(details["scores"]) == set(TARGETS) - {ANY}
    # "possible" is for a person to judge: it does not alert the leads (disclosure stays empty).
    no_phrases = PhraseBook()
    score = assess(TEXT, no_phrases).score
    settings.SCAN_POSSIBLE_THRESHOLD, settings.SCAN_LIKELY_THRESHOLD = score / 2, 1.01
    possible = scan(TEXT, no_phrases)
    assert possible.level == POSSIBLE and possible.assessment.categories
    assert possible.disclosure == [] and not possible.flagged
    settings.SCAN_LIKELY_THRESHOLD = score / 2
    likely = scan(TEXT, no_phrases)
    assert likely.flagged and set(likely.disclosure) <= set(likely.assessment.categories)
    # An alert names only the categories the scan is sure of; the judge sees all of them.
    settings.SCAN_CATEGORY_THRESHOLD, settings.SCAN_ALERT_CATEGORY_THRESHOLD = 0.0, 1.01
    likely = scan(TEXT, no_phrases)
    assert likely.assessment.categories == [slug for slug, _ in CATEGORIES]
    top = max(likely.assessment.scores, key=likely.assessment.scores.get)
    assert likely.disclosure == [top]
    settings.SCAN_ALERT_CATEGORY_THRESHOLD = 0.0
    assert scan(TEXT, no_phrases).disclosure == likely.assessment.categories


def test_training_needs_both_sides_of_every_target():
    with pytest.raises(ValueError, match="too few texts"):
        ScanModel.fit([(frozenset({"missing"}), "ran away"), (frozenset(), "nice park")])


def test_the_fast_feature_row_equals_the_vectorizers_own(ready_model):
    model, _ = store.get_model()
    texts = [text for _, text in corpora.load_labelled(corpora.CORPUS)[::10]]
    for text in [*texts, "", "!!!", "😭😭", "a", "I’M SCARED!!! pleeease"]:
        fast, slow = model.row(text).toarray(), model.features([text]).toarray()
        assert abs(fast - slow).max() < 1e-12, text
    assert abs(model.scores_many(texts)[:, 0] - [model.scores(t)[ANY] for t in texts]).max() < 1e-9


def test_the_possible_threshold_is_the_highest_that_keeps_the_cv_recall():
    """Chosen on cross-validated training scores alone: the highest step at which recall holds."""
    labelled = [
        (frozenset({"missing"}), "the bus was late"),
        (frozenset({"missing"}), "the park is green"),
        (frozenset(), "the chips were cold"),
        (frozenset(), "the swings are broken"),
    ]
    any_scores = [0.7, 0.35, 0.3, 0.1]  # below the likely threshold (0.8)
    scores = np.zeros((4, len(TARGETS)))
    scores[:, TARGETS.index(ANY)] = any_scores
    scores[:, TARGETS.index("missing")] = [0.9, 0.9, 0.0, 0.0]
    threshold, figures = threshold_by_cross_validation(labelled, scores, 1.0, 1.0)
    assert threshold == 0.35 and figures.recall_possible == 1.0
    assert figures.benign_alarms == 0
    threshold, _ = threshold_by_cross_validation(labelled, scores, 0.5, 0.5)
    assert threshold == 0.7
    # Category recall binds too: the second text names no category above its threshold.
    scores[1, TARGETS.index("missing")] = 0.0
    scores[1, TARGETS.index("self-harm")] = 0.9
    assert threshold_by_cross_validation(labelled, scores, 1.0, 1.0) is None
