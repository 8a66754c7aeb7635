"""Turning what young people type into one plain form, so one phrase list matches many spellings.

"im", "i'm" and "I’m" all become "i am"; "pleeease" becomes "please"; "u", "rn", "bf" become
"you", "right now", "boyfriend". Phrase lists (built-in and staff-added) are written in this plain
form and matched sentence by sentence. Offsets are not kept: personal data, whose spans matter, is
found on the original text (see pii.py)."""

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_SENTENCE = re.compile(r"[.!?;\n]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_AGE = re.compile(r"\b(\d{1,2})\s*(?:yo|y/o|yr old|yrs old|year old|years old)\b")
_STEP = re.compile(r"\bstep[ -](dad|mum|father|mother|brother|sister)\b")
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\b(he|she|it|that|there|what|who|where|here)'s\b"), r"\1 is"),
    (re.compile(r"'s\b"), "s"),
]
# Whole words young people write without apostrophes, in shorthand or in dialect.
_WORDS = {
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "couldnt": "could not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "aint": "is not",
    "theyre": "they are",
    "theyll": "they will",
    "theyve": "they have",
    "theyd": "they would",
    "youre": "you are",
    "hes": "he is",
    "shes": "she is",
    "thats": "that is",
    "theres": "there is",
    "whats": "what is",
    "u": "you",
    "ya": "you",
    "ur": "your",
    "wanna": "want to",
    "gonna": "going to",
    "gunna": "going to",
    "gna": "going to",
    "finna": "going to",
    "tryna": "trying to",
    "gotta": "got to",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "cus": "because",
    "bc": "because",
    "bcos": "because",
    "bcoz": "because",
    "becuz": "because",
    "bcuz": "because",
    "pls": "please",
    "plz": "please",
    "plis": "please",
    "rn": "right now",
    "atm": "at the moment",
    "ppl": "people",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "mom": "mum",
    "mam": "mum",
    "mummy": "mum",
    "mumma": "mum",
    "mommy": "mum",
    "daddy": "dad",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "2day": "today",
    "n": "and",
    "wiv": "with",
    "wid": "with",
    "dat": "that",
    "dem": "them",
    "sum1": "someone",
    "some1": "someone",
    "somebody": "someone",
    "any1": "anyone",
    "anybody": "anyone",
    "every1": "everyone",
    "no1": "no one",
    "noone": "no one",
    "nobody": "no one",
    "nuffin": "nothing",
    "nothin": "nothing",
    "ova": "over",
    "thru": "through",
    "tho": "though",
    "kms": "kill myself",
    "kys": "kill yourself",
    "fam": "family",
}
_WORD = re.compile(r"[a-z0-9]+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _plain_words(sentence: str) -> str:
    words = _WORD.findall(sentence)
    return " ".join(_WORDS.get(word, word) for word in words)


def prepare(text: str) -> str:
    """Lower case, one kind of apostrophe, stretched letters shortened, contractions expanded."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower()
    text = text.replace("&", " and ")
    text = _STRETCHED.sub(r"\1", text)
    text = _AGE.sub(r"\1 year old", text)
    text = _STEP.sub(r"step\1", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def sentences(text: str) -> list[str]:
    """The plain form of each sentence of `text`: words of [a-z0-9] separated by single spaces."""
    out = []
    for part in _SENTENCE.split(prepare(text)):
        plain = _plain_words(_NOT_WORD.sub(" ", part))
        if plain:
            out.append(plain)
    return out


def phrase_to_regex(phrase: str) -> str:
    """A staff phrase in the plain form's terms: words match whole words, `*` ends a word with
    anything, `...` stands for up to four words. "made me ... carry*" matches "made me carry" and
    "made me hold and carry"."""
    parts = []
    for chunk in re.split(r"\s*(?:\.\.\.|\u2026)\s*", prepare(phrase)):
        words = []
        for token in chunk.split():
            stars = token.endswith("*")
            plain = _plain_words(_NOT_WORD.sub(" ", token))
            if not plain:
                continue
            words.append(re.escape(plain).replace(r"\ ", " ") + (r"\w*" if stars else ""))
        if words:
            parts.append(" ".join(words))
    if not parts:
        return ""
    return r"\b" + r" (?:\w+ ){0,4}".join(parts) + r"\b"


def model_text(text: str) -> str:
    """The plain form the statistical model reads: every sentence's plain words, in order."""
    return " ".join(sentences(text))


_CHUNK = re.compile(r"[^\s.!?;,]+")
_EDGE = re.compile(r"^[^0-9A-Za-z\u00c0-\uffff]+|[^0-9A-Za-z\u00c0-\uffff]+$")


def plain_words_at(text: str) -> list[tuple[str, int, int]]:
    """Each plain word with the span of the original text it came from, for highlighting.

    Chunks of the original (between spaces and sentence marks) are made plain one by one, so
    "I’m" gives ("i", 0, 3) and ("am", 0, 3). This agrees with `sentences` word for word except
    where a rule of `prepare` joins words ("step dad" is "stepdad" there, two words here)."""
    out = []
    for chunk in _CHUNK.finditer(text or ""):
        raw = chunk.group(0)
        stripped = _EDGE.sub("", raw)
        if not stripped:
            continue
        start = chunk.start() + raw.index(stripped)
        end = start + len(stripped)
        for word in _plain_words(_NOT_WORD.sub(" ", prepare(stripped))).split():
            out.append((word, start, end))
    return out
