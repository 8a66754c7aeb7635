"""The automatic scan: disclosure categories on the labelled corpus, personal data on the fixture
set, the `scan` and `scan_report` commands of the contract, and no network while scanning."""

import io
import json
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

from moderation.models import ScanPhrase
from moderation.phrases import current_book
from moderation.scanner import CATEGORIES, builtin_book, redact, scan, store
from moderation.scanner import corpus as corpora
from moderation.scanner.normalise import phrase_to_regex, sentences
from moderation.scanner.pii import find_pii
from moderation.scanner.report import (
    ANY,
    evaluate,
    evaluate_pii,
    load_corpus,
    load_pii_fixtures,
)

SLUGS = [slug for slug, _ in CATEGORIES]


@pytest.fixture(scope="module")
def corpus_rows():
    return evaluate(load_corpus())


def test_the_corpus_has_at_least_200_texts_and_every_category():
    corpus = load_corpus()
    assert len(corpus) >= 200
    for slug in SLUGS:
        assert sum(slug in labels for labels, _ in corpus) >= 20, slug
    assert sum(not labels for labels, _ in corpus) >= 100  # benign texts sharing words


@pytest.mark.parametrize("category", [*SLUGS, "abuse", ANY])
def test_recall_is_at_least_95_percent_per_category(corpus_rows, category):
    rows, _ = corpus_rows
    row = next(r for r in rows if r.category == category)
    assert row.recall >= 0.95, f"{category}: {row.hits}/{row.positives}"


def test_false_alarms_stay_rare_on_benign_texts(corpus_rows):
    rows, _ = corpus_rows
    any_row = next(r for r in rows if r.category == ANY)
    # A miss is worse than a false alarm, but leads must not drown in them.
    assert any_row.false_positive_rate <= 0.05


def test_personal_data_recall_is_100_percent_on_the_fixture_set():
    report = evaluate_pii(load_pii_fixtures())
    assert report.expected >= 50
    assert report.missed == []
    assert report.false_alarms == []


@pytest.mark.parametrize(
    "text",
    [
        "call Childline on 0800 1111",
        "or 0800 11 11",
        "Samaritans 116 123",
        "ring 999 or 101",
        "NSPCC 0808 800 5000",
    ],
)
def test_helplines_are_never_personal_data(text):
    assert find_pii(text) == []


def test_the_example_disclosures_of_the_brief_are_flagged():
    assert "criminal-exploitation" in scan("I'm being made to carry stuff").disclosure
    assert "weapons-violence" in scan("he said he'd hurt my sister").disclosure
    assert scan("the park feels unsafe because of the knife crime news").disclosure == []


def test_spellings_young_people_use_read_the_same():
    assert sentences("I’m scared!! he's outside") == sentences("im scared. hes outside")
    assert sentences("pleeease help me rn") == ["please help me right now"]


def test_redaction_replaces_each_span_with_its_kind():
    text = "text jay on 07700 900123 or jay@example.com"
    assert redact(text, find_pii(text)) == ("text jay on [phone number removed] or [email removed]")


mobile = st.from_regex(r"07[0-9]{3} ?[0-9]{3} ?[0-9]{3}", fullmatch=True)
words = st.text(alphabet="abcdefghij klmnop", min_size=0, max_size=40)


@settings(max_examples=60, deadline=None)
@given(before=words, number=mobile, after=words)
def test_no_mobile_number_survives_redaction(before, number, after):
    text = f"{before} {number} {after}"
    redacted = redact(text, find_pii(text))
    assert number.replace(" ", "") not in redacted.replace(" ", "")


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_the_scan_never_fails_and_spans_lie_inside_the_text(text):
    result = scan(text)
    for span in result.pii:
        assert 0 <= span.start < span.end <= len(text)
    assert set(result.disclosure) <= set(SLUGS)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test (an open database connection,
    made before, keeps working: it is the only socket allowed)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network used while scanning: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.django_db
def test_scanning_uses_no_network(no_network, tmp_path, django_db_blocker):
    texts = [text for _, text in load_corpus()[:60]]
    for text in texts:
        scan(text, builtin_book())
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(texts) + "\n")
    out = io.StringIO()
    call_command("scan", str(path), stdout=out)
    assert len(out.getvalue().splitlines()) == len(texts)
    assert no_network == []


@pytest.mark.django_db
def test_scan_command_prints_one_json_object_per_line(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("text me on 07700 900123\nthe park is nice\ni want to kill myself\n")
    out = io.StringIO()
    call_command("scan", str(path), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    keys = {"text", "pii", "abuse", "disclosure", "level", "score", "highlights"}
    assert [set(line) for line in lines] == [keys] * 3
    assert lines[0]["pii"] == [{"kind": "phone", "start": 11, "end": 23}]
    quiet = lines[1]
    assert (quiet["text"], quiet["pii"], quiet["disclosure"]) == ("the park is nice", [], [])
    assert (quiet["level"], quiet["highlights"], quiet["abuse"]) == ("none", [], False)
    assert 0.0 <= quiet["score"] < django_settings.SCAN_POSSIBLE_THRESHOLD
    assert lines[2]["disclosure"] == ["self-harm"] and lines[2]["level"] == "likely"
    raised = {(h["start"], h["end"], h["category"]) for h in lines[2]["highlights"]}
    assert (10, 21, "self-harm") in raised  # "kill myself", the phrase


@pytest.mark.django_db
def test_scan_command_reads_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("f*ck this\n"))
    out = io.StringIO()
    call_command("scan", "-", stdout=out)
    assert json.loads(out.getvalue())["abuse"] is True


@pytest.mark.django_db
def test_staff_can_try_a_phrase_then_add_it(tmp_path, settings):
    # The phrases alone: the model (which flags this text by itself) is given no say.
    settings.SCAN_POSSIBLE_THRESHOLD = settings.SCAN_LIKELY_THRESHOLD = 1.01
    settings.SCAN_CATEGORY_THRESHOLD = 1.01
    path = tmp_path / "lines.txt"
    path.write_text("the olders got me minding a nine\n")
    out = io.StringIO()
    call_command("scan", str(path), stdout=out)
    assert json.loads(out.getvalue())["disclosure"] == []
    out = io.StringIO()
    call_command("scan", str(path), phrase=["weapons-violence=minding a nine"], stdout=out)
    assert json.loads(out.getvalue())["disclosure"] == ["weapons-violence"]
    ScanPhrase.objects.create(category="weapons-violence", phrase="minding ... nine*")
    assert current_book().categories("im MINDING the nines") == ["weapons-violence"]


@pytest.mark.django_db
def test_scan_command_explains_a_bad_phrase(tmp_path):
    with pytest.raises(CommandError, match="CATEGORY=PHRASE"):
        call_command("scan", "-", phrase=["knives"])
    with pytest.raises(CommandError, match="cannot read"):
        call_command("scan", str(tmp_path / "missing.txt"))


def test_staff_phrases_read_like_young_peoples_words():
    assert phrase_to_regex("I'm made to carry*") == r"\bi am made to carry\w*\b"
    assert phrase_to_regex("!!!") == ""


@pytest.fixture
def small_model(tmp_path, monkeypatch, settings):
    """A model trained on corpus.tsv only, under a temporary SCAN_MODEL_DIR (seconds, not minutes)."""
    monkeypatch.setattr(corpora, "training_files", lambda: [corpora.CORPUS])
    settings.SCAN_MODEL_DIR = tmp_path / "scan_model"
    store.clear_cache()
    yield settings.SCAN_MODEL_DIR
    store.clear_cache()


def write_heldout(tmp_path, texts: str, pii: str = "phone=07700 900123\ttext me on 07700 900123\n"):
    heldout, heldout_pii = tmp_path / "heldout.tsv", tmp_path / "heldout_pii.tsv"
    heldout.write_text(texts)
    heldout_pii.write_text(pii + "-\tthe park is nice\n")
    return {"heldout": str(heldout), "heldout_pii": str(heldout_pii)}


@pytest.mark.django_db
def test_scan_report_prints_training_and_heldout_figures_apart(small_model, tmp_path):
    paths = write_heldout(
        tmp_path,
        "self-harm\ti want to kill myself\n"
        "missing\tive run away from home and im sleeping rough\n"
        "-\tthe park is nice\n",
    )
    out = io.StringIO()
    call_command("scan_report", folds=2, stdout=out, **paths)
    report = out.getvalue()
    meta = json.loads((small_model / "model.json").read_text())
    assert f"model sha256: {meta['model_sha256']}" in report
    assert f"training: {meta['texts']} texts" in report and "held-out: 3 texts" in report
    training = report.index("TRAINING texts, 2-fold cross-validated")
    heldout = report.index("HELD-OUT set, the stored model")
    assert training < heldout
    for label in ("Immediate danger", "Online grooming", "Missing from home", "Abusive language"):
        assert label in report[training:heldout] and label in report[heldout:]
    assert "any-disclosure recall: possible 2/2 = 100.0%" in report[heldout:]
    assert "false alarms on benign texts (possible or likely): 0/1 = 0.0%" in report[heldout:]
    assert "recall 100.0%" in report  # personal data on the fixture set
    assert "phone 1/1" in report[report.index("Personal data, HELD-OUT") :]
    assert "Every held-out target is met." in report
    assert "threshold by CV (CV recall >= 98.0%" in report[training:heldout]


@pytest.mark.django_db
def test_scan_report_fails_when_a_heldout_target_is_missed(small_model, tmp_path):
    # A text labelled self-harm that says nothing of the kind: the scan must miss it.
    paths = write_heldout(tmp_path, "self-harm\tthe bus was late again\n-\tthe park is nice\n")
    with pytest.raises(CommandError, match="any-disclosure recall 0.0%.*self-harm recall 0.0%"):
        call_command("scan_report", no_cv=True, stdout=io.StringIO(), **paths)
    out = io.StringIO()
    call_command("scan_report", no_cv=True, no_fail=True, stdout=out, **paths)
    assert "held-out target missed: any-disclosure recall 0.0%" in out.getvalue()
    # A missed phone number fails too.
    paths = write_heldout(
        tmp_path, "-\tthe park is nice\n", pii="phone=seven seven\tcall seven seven\n"
    )
    with pytest.raises(CommandError, match="personal-data recall 0.0%"):
        call_command("scan_report", no_cv=True, stdout=io.StringIO(), **paths)


@pytest.mark.django_db
def test_scan_report_fails_without_a_heldout_set(small_model, tmp_path):
    missing = {"heldout": str(tmp_path / "none.tsv"), "heldout_pii": str(tmp_path / "none2.tsv")}
    with pytest.raises(CommandError, match="no held-out set"):
        call_command("scan_report", no_cv=True, stdout=io.StringIO(), **missing)
