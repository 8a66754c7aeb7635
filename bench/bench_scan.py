"""The moderation scan (issue 13): time to scan one contribution (phrase rules, personal data and
the statistical model; target p95 under 20 ms) and time to train the model from the labelled
texts in the repository.

Runs in a `manage.py shell` child against the benchmark's own VAR_DIR, so the model is trained
there from scratch (never the development one under var/). Texts are the labelled corpora's own,
scanned one at a time as contributions arrive."""

import json
import subprocess
import sys

from bench.harness import ROOT, BenchServer, Row

TEXTS = 1000

# Runs inside `manage.py shell`; prints one JSON line.
MEASURE = """
import json, time
from moderation.scanner import scan, store
from moderation.scanner.corpus import training_corpus
started = time.perf_counter()
model, meta = store.build()
trained = time.perf_counter() - started
texts = [text for _, text in training_corpus()][:: max(1, len(training_corpus()) // {n})][:{n}]
scan(texts[0])
latencies = []
for text in texts:
    started = time.perf_counter()
    scan(text)
    latencies.append((time.perf_counter() - started) * 1000)
print(json.dumps({{"trained": trained, "texts": meta["texts"], "latencies": latencies}}))
"""


def measure(server: BenchServer) -> dict:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MEASURE.format(n=TEXTS)],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(server: BenchServer) -> list:
    figures = measure(server)
    latencies = figures["latencies"]
    scanning = Row(
        "scan one text (phrases, personal data, model)",
        len(latencies),
        1,
        sum(latencies) / 1000,
        latencies,
        0,
        "target p95 < 20 ms",
    )
    training = Row(
        "train_scan (the model from the labelled texts)",
        1,
        1,
        figures["trained"],
        [figures["trained"] * 1000],
        0,
        f"{figures['texts']:,} texts, {figures['trained']:.1f} s",
    )
    return [scanning, training]
