"""Where the trained model lives: settings.SCAN_MODEL_DIR (under VAR_DIR, never in git), as
model.joblib beside model.json, the record of its digests.

`get_model()` is what the scan calls: the model cached in this process, loaded from disk, or, if
it is missing, stale (the repository's labelled texts or phrase rules changed) or does not match
its recorded digest, trained there and then from the repository's texts. One thread trains; the others wait for it. Files are written
under a temporary name and renamed, so another process never reads half a model."""

import json
import logging
import os
import tempfile
import threading
from pathlib import Path

import joblib
import sklearn

from django.conf import settings

from . import corpus as corpora
from .model import FORMAT, ScanModel
from .training import phrases_digest, train

logger = logging.getLogger(__name__)

MODEL_FILE = "model.joblib"
META_FILE = "model.json"

_lock = threading.Lock()
_cached: tuple[Path, ScanModel, dict] | None = None


def model_dir() -> Path:
    return Path(settings.SCAN_MODEL_DIR)


def _write_atomically(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save(model: ScanModel, meta: dict, directory: Path | None = None) -> Path:
    directory = directory or model_dir()
    _write_atomically(directory / MODEL_FILE, lambda name: joblib.dump(model, name, compress=3))
    text = json.dumps(meta, indent=2, sort_keys=True) + "\n"
    _write_atomically(directory / META_FILE, lambda name: Path(name).write_text(text))
    return directory


def load(directory: Path | None = None) -> tuple[ScanModel, dict] | None:
    """The stored model and its record, or None when it is missing, stale or does not match."""
    directory = directory or model_dir()
    try:
        meta = json.loads((directory / META_FILE).read_text())
        model = joblib.load(directory / MODEL_FILE)
    except Exception as error:  # noqa: BLE001 - any unreadable model is rebuilt, never fatal
        logger.info("no usable scan model in %s (%s)", directory, type(error).__name__)
        return None
    current = corpora.digest(corpora.training_corpus())
    if meta.get("format") != FORMAT or meta.get("scikit_learn") != sklearn.__version__:
        logger.info("scan model in %s was built by another version: rebuilding", directory)
        return None
    if meta.get("repository_data_sha256") != current or meta.get("phrases_sha256") != (
        phrases_digest()
    ):
        logger.info("the labelled texts changed since the scan model was built: rebuilding")
        return None
    if not isinstance(model, ScanModel) or model.parameter_digest() != meta.get("model_sha256"):
        logger.warning("scan model in %s does not match its recorded digest: rebuilding", directory)
        return None
    return model, meta


def build(directory: Path | None = None, extra=None) -> tuple[ScanModel, dict]:
    """Trains and stores the model; the cache of this process then holds it."""
    global _cached
    directory = directory or model_dir()
    model, meta = train(extra)
    save(model, meta, directory)
    with _lock:
        _cached = (directory, model, meta)
    return model, meta


def get_model() -> tuple[ScanModel, dict]:
    global _cached
    directory = model_dir()
    cached = _cached
    if cached is not None and cached[0] == directory:
        return cached[1], cached[2]
    with _lock:
        if _cached is not None and _cached[0] == directory:
            return _cached[1], _cached[2]
        found = load(directory)
        if found is None:
            # From the repository's texts alone: a scan may run where the database (and so the
            # staff examples) is out of reach. `train_scan` adds the staff examples.
            logger.info("training the scan model into %s (first use)", directory)
            model, meta = train(extra=[])
            save(model, meta, directory)
            found = (model, meta)
        _cached = (directory, *found)
        return found


def clear_cache() -> None:
    global _cached
    with _lock:
        _cached = None
