"""`manage.py train_scan`: trains the scan's statistical model from the labelled texts in the
repository (moderation/scanner/data/corpus.tsv and data/training/*.tsv) plus the staff examples
settings.SCAN_STAFF_EXAMPLES names, and stores it under settings.SCAN_MODEL_DIR with the digests
of its data and parameters. The same texts always give the same digest. No network.

`--verify` trains without storing and fails unless the digest equals the stored model's."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from moderation.scanner import store
from moderation.scanner.training import train


class Command(BaseCommand):
    help = "Train the moderation scan's model from the labelled texts; print its digest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--verify",
            action="store_true",
            help="train, store nothing, fail unless the result equals the stored model",
        )

    def handle(self, *args, verify, **options):
        started = time.perf_counter()
        try:
            if verify:
                stored = store.load()
                model, meta = train()
            else:
                model, meta = store.build()
        except DatabaseError as error:
            raise CommandError(
                f"cannot read the staff examples ({error}): run `manage.py migrate` first"
            ) from error
        seconds = time.perf_counter() - started
        out = self.stdout.write
        out(
            f"Trained on {meta['texts']} texts ({meta['disclosures']} disclosures, "
            f"{meta['benign']} benign or abusive; {meta['staff_examples']} staff examples) "
            f"in {seconds:.1f} s"
        )
        out(f"  files: {', '.join(meta['files'])}")
        out(f"  data sha256:  {meta['data_sha256']}")
        out(f"  model sha256: {meta['model_sha256']}")
        if not verify:
            out(f"  stored in {store.model_dir()}")
            return
        if stored is None:
            raise CommandError(f"no stored model in {store.model_dir()} to compare with")
        if stored[1]["model_sha256"] != meta["model_sha256"]:
            raise CommandError(
                f"the stored model differs: {stored[1]['model_sha256']} (stored) "
                f"!= {meta['model_sha256']} (trained now)"
            )
        out("  identical to the stored model")
