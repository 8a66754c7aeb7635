"""`manage.py scan_report`: recall and false-positive rate of the scan per category on the
labelled corpus (moderation/scanner/data/corpus.tsv, or --corpus FILE in the same format), and
personal-data recall on the fixture set. Exits 1 if a category's recall is under --fail-under."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from moderation.phrases import current_book
from moderation.scanner import CATEGORY_LABELS, builtin_book
from moderation.scanner.report import (
    ANY,
    CORPUS,
    PII_FIXTURES,
    evaluate,
    evaluate_pii,
    load_corpus,
    load_pii_fixtures,
)

LABELS = {**CATEGORY_LABELS, "abuse": "Abusive language", ANY: "Any disclosure (reaches a lead)"}


class Command(BaseCommand):
    help = "Recall and false-positive rate of the moderation scan, per category."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(CORPUS), help="labelled texts (TSV)")
        parser.add_argument("--pii", default=str(PII_FIXTURES), help="personal-data fixtures")
        parser.add_argument("--builtin-only", action="store_true")
        parser.add_argument("--show-errors", action="store_true", help="list every miss")
        parser.add_argument("--fail-under", type=float, default=None, metavar="RECALL")

    def handle(self, *args, corpus, pii, builtin_only, show_errors, fail_under, **options):
        try:
            texts = load_corpus(corpus)
            fixtures = load_pii_fixtures(pii)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        book = builtin_book()
        if not builtin_only:
            try:
                book = current_book()
            except DatabaseError:
                self.stderr.write("(no database: using the built-in phrase lists only)")
        rows, wrong = evaluate(texts, book)
        out = self.stdout.write
        out(f"Scan report: {len(texts)} labelled texts ({corpus})\n")
        out(f"{'category':<42} {'texts':>5} {'recall':>8} {'false positives':>18}")
        out("-" * 76)
        for row in rows:
            fp = f"{row.false_alarms}/{row.negatives} = {row.false_positive_rate:.1%}"
            out(f"{LABELS[row.category]:<42} {row.positives:>5} {row.recall:>8.1%} {fp:>18}")
        report = evaluate_pii(fixtures)
        out("")
        out(
            f"Personal data ({pii}): {report.found}/{report.expected} spans found, recall "
            f"{report.recall:.1%}; {len(report.false_alarms)} found in texts that have none"
        )
        if show_errors:
            out("\nMisses and false alarms:")
            for item in wrong:
                out(f"  missed {item.missed} extra {item.extra}: {item.text}")
            for kind, words, text in report.missed:
                out(f"  personal data missed ({kind}) {words!r}: {text}")
            for kind, words, text in report.false_alarms:
                out(f"  personal data false alarm ({kind}) {words!r}: {text}")
        if fail_under is not None:
            low = [row for row in rows if row.positives and row.recall < fail_under]
            if low or report.recall < 1.0:
                raise CommandError(
                    "recall under target: "
                    + ", ".join(f"{r.category} {r.recall:.1%}" for r in low)
                    + ("; personal data" if report.recall < 1.0 else "")
                )
