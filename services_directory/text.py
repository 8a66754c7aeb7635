"""Text normalisation shared by the stored search text and the queries that match it.

Both sides go through `normalise`, so matching is a word-prefix LIKE that behaves the same on
SQLite and PostgreSQL: lower case, letters and digits only, simple plurals folded."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")

# Words that carry no meaning in a directory search; dropped from queries (never from phrases).
_STOPWORDS = (
    "a an and are at be by can do for from get help i in is it me my near of on or our please "
    "service services support the their to us we what where who with you your"
)


def fold(word: str) -> str:
    """Folds a simple English plural: clubs -> club, lines -> line (but not 'class', 'bus')."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return [fold(word) for word in _NOT_WORD.split(text) if word]


STOPWORDS = frozenset(fold(word) for word in _STOPWORDS.split())


def normalise(text: str) -> str:
    return " ".join(tokens(text))
