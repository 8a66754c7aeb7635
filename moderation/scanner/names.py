"""Likely names of people: a first-name list plus capitalisation and naming cues.

"Jake from year 9", "a boy called jaydn", "Miss Patel" are names; "Brandon Hill", "St George" and
"Ashton Gate" are places; "will" and "May" are names only when the text treats them as one."""

import re
import unicodedata
from functools import cache

from places.gazetteer import PLACES

from .wordlists import words

# A word in any alphabet ("Zoë", "Łukasz"), with the apostrophe of "O'Brien" (a capital after it,
# or lower-case "o'"/"d'") and the hyphens of "Demi-Leigh" and "Smith-Jones" inside it; "jess's"
# and "don't" still end before the apostrophe.
_LETTERS = r"[^\W\d_]"
_TOKEN = re.compile(
    rf"(?:[OoDd]['’]{_LETTERS}{{2,}}|{_LETTERS}+(?:['’](?=[^\W\d_a-z]){_LETTERS}+)?)"
    rf"(?:-{_LETTERS}+)*"
)
# Family titles: "my Aunty Grace", "uncle tariq". A capitalised word or a listed first name after
# one is a name, and the title is masked with it (it says whose family).
_FAMILY = {"aunty", "auntie", "aunt", "uncle", "nan", "nana", "nanna", "nanny", "gran", "granny"}
_FAMILY |= {"grandma", "grandad", "grandpa", "cousin"}
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "coach"} | _FAMILY
_CUES = {"called", "named", "nicknamed", "aka", "name", "names", "calls"}
_PLACE_NOUNS = words("place_nouns.txt")
_NOT_NAMES = words("not_names.txt")
_PEOPLE = words("people_words.txt")
_SURNAMES = words("surnames.txt")
# Titles that name a person even in lower case ("mr ahmed"); "miss", "sir" and "coach" are
# ordinary words too, so in lower case only a known surname follows them as a name.
_PLAIN_TITLES = {"mr", "mrs", "ms", "mx", "dr"}
_MONTHS = {"may", "june", "april", "august"}
_DATE_WORDS = {"in", "of", "on", "since", "last", "next", "this", "until", "till", "by", "early"}


# Words around an ambiguous name that treat it as a person: "ask for rose", "me n grace",
# "holly and me", "shout out to ivy", "coach is mark", "jack from year 10", "Ruby is my cousin".
_PERSON_BEFORE = {("ask", "for"), ("me", "n"), ("me", "and"), ("out", "to"), ("thanks", "to")}
_PERSON_AFTER = {("and", "me"), ("n", "me"), ("and", "i"), ("is", "my"), ("from", "year")}


def _person_context(lowered: list[str], i: int, capitalised: bool) -> bool:
    if lowered[i] in _MONTHS:
        return False  # "May is my favourite month"
    before = tuple(lowered[max(i - 2, 0) : i])
    after = tuple(lowered[i + 1 : i + 3])
    if before in _PERSON_BEFORE or after in _PERSON_AFTER:
        return True
    if len(before) == 2 and before[1] == "is" and before[0] in _TITLES | _PEOPLE:
        return True
    # "Summer from the cafe", "Robin the librarian", "Will at the centre": a role or a place of
    # work after the name.
    # Capitalised only: "i will at the weekend".
    return (
        capitalised
        and len(after) == 2
        and (
            after[0] in {"from", "at"}
            and after[1] == "the"
            or after[0] == "the"
            and after[1] in _PEOPLE
        )
    )


@cache
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    ambiguous = words("ambiguous_names.txt")
    return frozenset(words("first_names.txt") - ambiguous), frozenset(ambiguous)


@cache
def _place_sequences() -> dict[str, list[tuple[str, ...]]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for _slug, name, _kind, _area, aliases, *_ in PLACES:
        for place in [name, *aliases.split(",")]:
            words = tuple(w.lower() for w in _TOKEN.findall(place))
            if words:
                by_first.setdefault(words[0], []).append(words)
    return by_first


def _in_place_names(lowered: list[str]) -> set[int]:
    covered: set[int] = set()
    places = _place_sequences()
    for i, word in enumerate(lowered):
        for seq in places.get(word, ()):
            if tuple(lowered[i : i + len(seq)]) == seq and len(seq) > 1:
                covered.update(range(i, i + len(seq)))
    return covered


def _plain(word: str) -> str:
    """The form the lists are written in: lower case, no accents or apostrophes ("Zoë" is zoe,
    "O'Brien" obrien)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’")


def _compound_name(word: str, names: frozenset[str], ambiguous: frozenset[str]) -> bool:
    """Double names ("demi-leigh", "lily-mae"): every part a first name, one of them not an
    ordinary word ("lily" is, "mae" is not), so "rose-gold" or "ray-ban" are left alone."""
    parts = word.split("-")
    return (
        len(parts) > 1
        and all(p in names or p in ambiguous for p in parts)
        and any(p in names for p in parts)
    )


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?\n:"


def find_names(text: str) -> list[tuple[int, int]]:
    names, ambiguous = name_lists()
    tokens = list(_TOKEN.finditer(text))
    lowered = [_plain(t.group()) for t in tokens]
    places = _in_place_names(lowered)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        token, word = tokens[i], lowered[i]
        listed = word in names or _compound_name(word, names, ambiguous)
        previous = lowered[i - 1] if i else ""
        following = lowered[i + 1] if i + 1 < len(tokens) else ""
        capitalised = token.group()[0].isupper()
        at_start = _sentence_start(text, token.start())
        place_like = (
            i in places
            or previous in {"st", "saint"}
            or (following in _PLACE_NOUNS and tokens[i + 1].group()[0].isupper())
        )
        before_cue = lowered[i - 2] if i > 1 else ""
        # "a boy called jaydn", "his name is kez": whatever follows is a name, list or not.
        strongly_cued = (
            previous in {"called", "named", "nicknamed"} and before_cue in _PEOPLE
        ) or (previous in {"is", "s"} and before_cue == "name")
        cued = previous in _CUES or strongly_cued
        start = token.start()
        is_name = False
        titled = capitalised or word in _SURNAMES or listed or previous in _PLAIN_TITLES
        if previous in _FAMILY:
            titled = capitalised or listed  # "my uncle will ..." is not Will
        if previous in _TITLES and titled and word not in _NOT_NAMES:
            is_name, start = True, tokens[i - 1].start()
        elif place_like or word in _NOT_NAMES:
            is_name = False
        elif (
            strongly_cued
            or (cued and (capitalised or listed or word in ambiguous))
            or listed
            or (word in ambiguous and _person_context(lowered, i, capitalised))
        ):
            is_name = True
        elif (
            word in ambiguous
            and capitalised
            and at_start
            and following in names | ambiguous | _SURNAMES
            and tokens[i + 1].group()[0].isupper()
            and text[token.end() : tokens[i + 1].start()] == " "
        ):
            # "Ruby Rose Adeyemi made the mural": at a sentence's start a capital proves nothing,
            # but a name word after it, capitalised too, makes the pair a name.
            is_name = True
        elif word in ambiguous and capitalised and not at_start and not token.group().isupper():
            months = word in _MONTHS and (
                previous in _DATE_WORDS or following.isdigit() or previous.isdigit()
            )
            is_name = not months
        if not is_name:
            i += 1
            continue
        end = token.end()
        # A capitalised word straight after a first name is most likely the surname; so is a
        # known surname in lower case ("connor mcdonald").
        while (
            i + 1 < len(tokens)
            and (tokens[i + 1].group()[0].isupper() or lowered[i + 1] in _SURNAMES)
            and lowered[i + 1] not in _NOT_NAMES
            and lowered[i + 1] not in _PLACE_NOUNS
            and (i + 1) not in places
            and text[end : tokens[i + 1].start()] == " "
        ):
            i += 1
            end = tokens[i].end()
        spans.append((start, end))
        i += 1
    return spans
