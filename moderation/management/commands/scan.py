"""`manage.py scan FILE` (or `-` for standard input): the moderation scan over each line, one JSON
object per line: {"text", "pii": [{"kind", "start", "end"}], "abuse", "disclosure"}.

Uses the built-in phrase lists and the phrases staff added in the admin; `--phrase` tries more
without saving them, e.g. --phrase "criminal-exploitation=made me ... hold". `--details` adds the
assessment: "level" (none, possible, likely), "score", per-category "scores", "categories",
"phrase_categories", "highlights" and the "model" digest. No network."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from moderation.models import PHRASE_CATEGORIES
from moderation.phrases import current_book
from moderation.scanner import builtin_book, scan

CATEGORY_SLUGS = [slug for slug, _ in PHRASE_CATEGORIES]


def phrase_argument(value: str) -> tuple[str, str]:
    category, sep, phrase = value.partition("=")
    if not sep or category not in CATEGORY_SLUGS or not phrase.strip():
        raise ValueError(value)
    return category, phrase.strip()


class Command(BaseCommand):
    help = "Scan each line of FILE (- for standard input); print one JSON object per line."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a text file, one contribution per line; - reads stdin")
        parser.add_argument(
            "--phrase",
            action="append",
            default=[],
            metavar="CATEGORY=PHRASE",
            help=f"try an extra phrase (repeatable); categories: {', '.join(CATEGORY_SLUGS)}",
        )
        parser.add_argument(
            "--builtin-only", action="store_true", help="ignore the phrases staff added"
        )
        parser.add_argument(
            "--details", action="store_true", help="add level, scores and highlighted words"
        )

    def handle(self, *args, file, phrase, builtin_only, details=False, **options):
        try:
            extra = [phrase_argument(value) for value in phrase]
        except ValueError as error:
            raise CommandError(
                f"--phrase {error.args[0]!r}: use CATEGORY=PHRASE with one of "
                f"{', '.join(CATEGORY_SLUGS)}"
            ) from error
        book = self._book(extra, builtin_only)
        stream = sys.stdin if file == "-" else self._open(file)
        try:
            for line in stream:
                text = line.rstrip("\r\n")
                scanned = scan(text, book)
                result = scanned.details() if details else scanned.as_dict()
                self.stdout.write(json.dumps({"text": text, **result}, ensure_ascii=False))
        finally:
            if stream is not sys.stdin:
                stream.close()

    def _open(self, path):
        try:
            return open(path, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error

    def _book(self, extra, builtin_only):
        if builtin_only:
            return builtin_book().extended(extra)
        try:
            return current_book(extra)
        except DatabaseError:
            self.stderr.write("(no database: using the built-in phrase lists only)")
            return builtin_book().extended(extra)
