"""The phrase book the scan uses: the built-in lists plus the phrases staff added in the admin."""

from .models import ScanPhrase
from .scanner import PhraseBook, builtin_book


def current_book(extra: list[tuple[str, str]] | None = None) -> PhraseBook:
    """Built-in lists, active staff phrases, and any phrases being tried out (`extra`)."""
    # One small query per scan: staff see a new phrase take effect at once, in every process.
    phrases = ScanPhrase.objects.pairs() + list(extra or [])
    return builtin_book().extended(phrases) if phrases else builtin_book()
