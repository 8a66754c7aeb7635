"""`manage.py scan_report`: how well the scan finds disclosures, at both levels, measured three
times and printed apart:

- on the TRAINING texts, cross-validated (each text scored by a model trained without it; the
  phrase rules were written from corpus.tsv, so its texts flatter them);
- on the DEV sets (moderation/scanner/data/dev/dev.tsv, dev2/dev2.tsv and dev3/dev3.tsv, the
  first three blind sets), written apart from the training texts but looked at and tuned on since: development
  figures, not independent ones;
- on the HELD-OUT set (moderation/scanner/data/heldout/heldout.tsv), written by someone who never
  saw the training texts or the phrase lists, scored by the stored model. Never trained or tuned
  on. When it is absent the report says so and prints the rest.

Then personal-data recall per kind (and false spans in texts that have none) on the fixture set,
the dev set and the held-out set. Exits 1 when a held-out target of issue 13 is missed or the
held-out set is absent (the targets are not shown to be met), unless --no-fail."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from moderation.phrases import current_book
from moderation.scanner import CATEGORY_LABELS, builtin_book, store
from moderation.scanner import corpus as corpora
from moderation.scanner.pii import find_pii
from moderation.scanner.report import (
    PII_FIXTURES,
    TARGETS_BENIGN_FALSE_ALARMS,
    TARGETS_LIKELY_PRECISION,
    TARGETS_PII_RECALL,
    TARGETS_POSSIBLE_ANY_RECALL,
    TARGETS_POSSIBLE_CATEGORY_RECALL,
    LevelFigures,
    evaluate_pii_kinds,
    judge_scores,
    judge_texts,
    level_figures,
    load_pii_fixtures,
    threshold_by_cross_validation,
)
from moderation.scanner.training import cross_validated_scores, staff_examples

DEV, DEV2, DEV3, HELDOUT = "dev", "dev2", "dev3", "held-out"
DEV_SETS = (DEV, DEV2, DEV3)


class Command(BaseCommand):
    help = "Recall, false alarms and precision of the moderation scan: training (CV) and held-out."

    def add_arguments(self, parser):
        parser.add_argument("--heldout", default=str(corpora.HELDOUT), help="labelled held-out TSV")
        parser.add_argument(
            "--heldout-pii", default=str(corpora.HELDOUT_PII), help="held-out personal data"
        )
        parser.add_argument("--dev", default=str(corpora.DEV), help="labelled development TSV")
        parser.add_argument("--dev-pii", default=str(corpora.DEV_PII), help="dev personal data")
        parser.add_argument("--dev2", default=str(corpora.DEV2), help="second development TSV")
        parser.add_argument("--dev2-pii", default=str(corpora.DEV2_PII), help="dev2 personal data")
        parser.add_argument("--dev3", default=str(corpora.DEV3), help="third development TSV")
        parser.add_argument("--dev3-pii", default=str(corpora.DEV3_PII), help="dev3 personal data")
        parser.add_argument("--pii", default=str(PII_FIXTURES), help="personal-data fixtures")
        parser.add_argument("--folds", type=int, default=5, help="cross-validation folds")
        parser.add_argument(
            "--no-cv", action="store_true", help="skip the cross-validated training figures"
        )
        parser.add_argument("--builtin-only", action="store_true", help="no staff phrases")
        parser.add_argument("--show-errors", action="store_true", help="list every miss")
        parser.add_argument(
            "--no-fail", action="store_true", help="exit 0 even when a held-out target is missed"
        )

    @staticmethod
    def _load_sets(paths):
        """Each evaluation set's texts and personal-data lines, None where a file is absent."""
        try:
            return {
                name: (
                    corpora.load_labelled(texts) if texts.exists() else None,
                    load_pii_fixtures(pii) if pii.exists() else None,
                )
                for name, (texts, pii) in paths.items()
            }
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error

    @staticmethod
    def _load_fixtures(path):
        try:
            return load_pii_fixtures(path)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error

    def handle(self, *args, **options):
        self.options = options
        out = self.stdout.write
        book = self._book(options["builtin_only"])
        model, meta = store.get_model()
        paths = {
            DEV: (Path(options["dev"]), Path(options["dev_pii"])),
            DEV2: (Path(options["dev2"]), Path(options["dev2_pii"])),
            DEV3: (Path(options["dev3"]), Path(options["dev3_pii"])),
            HELDOUT: (Path(options["heldout"]), Path(options["heldout_pii"])),
        }
        sets = self._load_sets(paths)
        fixtures = self._load_fixtures(options["pii"])
        heldout, heldout_pii = sets[HELDOUT]
        heldout_path, heldout_pii_path = paths[HELDOUT]

        out("Scan report")
        out(f"  model sha256: {meta['model_sha256']}")
        out(f"  data sha256:  {meta['data_sha256']}")
        out(
            f"  training: {meta['texts']} texts ({meta['disclosures']} disclosures, "
            f"{meta['benign']} benign or abusive), {meta['staff_examples']} staff examples"
        )
        out(f"  staff examples in the store now: {len(self._staff_examples())}")
        for name, (texts, pii) in sets.items():
            out(
                f"  {name}: {len(texts) if texts is not None else 'none'} texts"
                f" ({paths[name][0]}); personal data: "
                f"{len(pii) if pii is not None else 'none'} texts"
            )
        out(
            f"  targets (held-out): any-disclosure recall at possible >= "
            f"{TARGETS_POSSIBLE_ANY_RECALL:.0%}, per category >= "
            f"{TARGETS_POSSIBLE_CATEGORY_RECALL:.0%}, false alarms on benign <= "
            f"{TARGETS_BENIGN_FALSE_ALARMS:.0%}, likely precision >= "
            f"{TARGETS_LIKELY_PRECISION:.0%}, personal data {TARGETS_PII_RECALL:.0%}"
        )

        if not options["no_cv"]:
            data = corpora.training_corpus(self._staff_examples())
            started = time.perf_counter()
            scores = cross_validated_scores(data, folds=options["folds"])
            texts = [text for _, text in data]
            figures = level_figures(data, judge_scores(texts, scores, book))
            seconds = time.perf_counter() - started
            self._levels(
                f"TRAINING texts, {options['folds']}-fold cross-validated ({seconds:.0f} s)",
                figures,
            )
            self._cv_threshold(data, scores, book)

        for name in DEV_SETS:
            self._dev_levels(name, paths[name][0], sets[name][0], book)

        failures = []
        if heldout is None:
            out(
                f"\nHELD-OUT set: missing ({heldout_path}): no blind figures on this branch; the "
                "new blind set is put there after merging, and scored once"
            )
            failures.append("no held-out set")
        else:
            figures = level_figures(heldout, judge_texts([t for _, t in heldout], book))
            self._levels("HELD-OUT set, the stored model (never trained or tuned on)", figures)
            failures += figures.missed_targets()

        self._pii("Personal data, fixture set", options["pii"], fixtures)
        self._dev_pii(sets, paths)
        if heldout_pii is None:
            out(f"\nPersonal data, held-out: missing ({heldout_pii_path})")
            failures.append("no held-out personal-data set")
        else:
            recall = self._pii("Personal data, HELD-OUT set", heldout_pii_path, heldout_pii)
            if recall < TARGETS_PII_RECALL:
                failures.append(f"personal-data recall {recall:.1%}")

        if failures:
            message = "held-out target missed: " + "; ".join(failures)
            if options["no_fail"]:
                out(f"\n{message} (--no-fail)")
            else:
                raise CommandError(message)
        else:
            out("\nEvery held-out target is met.")

    def _cv_threshold(self, data, scores, book) -> None:
        """The "possible" threshold the cross-validated training scores alone would choose,
        beside the one in settings: the setting is chosen this way, never on dev or held-out."""
        recall = settings.SCAN_THRESHOLD_CV_RECALL
        category_recall = settings.SCAN_THRESHOLD_CV_CATEGORY_RECALL
        found = threshold_by_cross_validation(data, scores, recall, category_recall, book)
        out = self.stdout.write
        wanted = f"CV recall >= {recall:.1%}, each category >= {category_recall:.1%}"
        if found is None:
            out(
                f"  threshold by CV ({wanted}): none reaches it; setting {settings.SCAN_POSSIBLE_THRESHOLD}"
            )
            return
        threshold, f = found
        out(
            f"  threshold by CV ({wanted}): possible {threshold:.2f} (setting "
            f"{settings.SCAN_POSSIBLE_THRESHOLD}): recall {f.recall_possible:.1%}, false alarms "
            f"{f.false_alarm_rate:.1%}"
        )

    def _dev_pii(self, sets, paths) -> None:
        for name in DEV_SETS:
            if sets[name][1] is not None:
                self._pii(f"Personal data, {name.upper()} set", paths[name][1], sets[name][1])
        dev_texts = [text for name in DEV_SETS for _, text in sets[name][0] or []]
        self._false_spans([text for _, text in corpora.training_corpus()] + dev_texts)

    def _dev_levels(self, name, path, texts, book) -> None:
        if texts is None:
            self.stdout.write(f"\n{name.upper()} set: missing ({path})")
            return
        figures = level_figures(texts, judge_texts([t for _, t in texts], book))
        self._levels(f"{name.upper()} set, the stored model (tuned on: not independent)", figures)
        missed = figures.missed_targets()
        self.stdout.write(
            f"  {name} targets: {'missed: ' + '; '.join(missed) if missed else 'met'}"
        )

    def _book(self, builtin_only):
        if builtin_only:
            return builtin_book()
        try:
            return current_book()
        except DatabaseError:
            self.stderr.write("(no database: using the built-in phrase lists only)")
            return builtin_book()

    def _levels(self, title: str, f: LevelFigures) -> None:
        out = self.stdout.write
        out(f"\n{title}: {f.texts} texts, {f.disclosures} disclosures, {f.benign} benign")
        out(
            f"  any-disclosure recall: possible {f.any_possible}/{f.disclosures} = "
            f"{f.recall_possible:.1%}, likely {f.any_likely}/{f.disclosures} = "
            f"{f.recall_likely:.1%}"
        )
        out(
            f"  false alarms on benign texts (possible or likely): {f.benign_alarms}/{f.benign} = "
            f"{f.false_alarm_rate:.1%}"
        )
        out(f"  precision of likely: {f.likely_right}/{f.likely} = {f.likely_precision:.1%}")
        out(f"  {'category (at possible)':<42} {'texts':>5} {'recall':>8} {'false positives':>18}")
        for slug, (positives, found, negatives, extra) in f.per_category.items():
            recall = found / positives if positives else 1.0
            fp = f"{extra}/{negatives} = {extra / negatives if negatives else 0:.1%}"
            out(f"  {CATEGORY_LABELS[slug]:<42} {positives:>5} {recall:>8.1%} {fp:>18}")
        positives, found, negatives, extra = f.abuse
        recall = found / positives if positives else 1.0
        fp = f"{extra}/{negatives} = {extra / negatives if negatives else 0:.1%}"
        out(f"  {'Abusive language (phrase list)':<42} {positives:>5} {recall:>8.1%} {fp:>18}")
        if self.options["show_errors"]:
            for level, missed, labels, text in f.misses:
                what = f"missed {missed}" if labels and missed else f"at {level}"
                out(f"    [{','.join(labels) or '-'}] {what}: {text}")

    def _staff_examples(self):
        try:
            return staff_examples()
        except DatabaseError:
            self.stderr.write("(no database: no staff examples)")
            return []

    def _false_spans(self, texts) -> None:
        """Spans found in the labelled texts, written with no personal data in them: each is
        a false span (or a public figure's name, "andrew tate"), text a moderator must restore."""
        found: dict[str, int] = {}
        for text in texts:
            for span in find_pii(text):
                found[span.kind] = found.get(span.kind, 0) + 1
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(found.items())) or "none"
        self.stdout.write(
            f"\nPersonal data found in {len(texts)} labelled texts written without any "
            f"(false spans): {sum(found.values())} ({kinds})"
        )

    def _pii(self, title: str, path, fixtures) -> float:
        out = self.stdout.write
        result = evaluate_pii_kinds(fixtures)
        report = result.report
        out(
            f"\n{title} ({path}): {report.found}/{report.expected} found, recall "
            f"{report.recall:.1%}; {len(report.false_alarms)} found in texts that have none"
        )
        out("  " + ", ".join(f"{kind} {found}/{n}" for kind, (n, found) in result.kinds.items()))
        if self.options["show_errors"]:
            for kind, words, text in report.missed:
                out(f"    personal data missed ({kind}) {words!r}: {text}")
            for kind, words, text in report.false_alarms:
                out(f"    personal data false alarm ({kind}) {words!r}: {text}")
        return report.recall
