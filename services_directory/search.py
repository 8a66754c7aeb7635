"""Free-text matching with synonyms: "county lines" finds services tagged criminal exploitation.

A query is split into words (see text.py). Runs of words that spell a term's name or one of its
synonyms become a phrase group: a service matches the group when it carries one of those terms, or
its text contains the phrase. Every other word must start a word of the service's text. Groups are
ANDed, so "county lines weekend" needs both. Everything is a plain LIKE, the same on SQLite and
PostgreSQL."""

from dataclasses import dataclass

from django.db.models import Q

from .models import Service, TaxonomyTerm
from .text import STOPWORDS, tokens


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    term_ids: frozenset


def term_phrases() -> dict[tuple[str, ...], set]:
    """Every term name and synonym as a word tuple, with the ids of the terms it stands for."""
    phrases: dict[tuple[str, ...], set] = {}
    for term in TaxonomyTerm.objects.only("id", "name", "synonyms", "slug"):
        for label in [term.name, term.slug.replace("-", " "), *term.synonym_list]:
            words = tuple(tokens(label))
            if words:
                phrases.setdefault(words, set()).add(term.id)
    return phrases


def parse(query: str, phrases: dict[tuple[str, ...], set]) -> tuple[list[Phrase], list[str]]:
    """Splits a query into term phrases (longest first, left to right) and remaining words."""
    words = tokens(query)
    longest = max((len(p) for p in phrases), default=0)
    found: list[Phrase] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            candidate = tuple(words[i : i + size])
            # A lone stopword ("support") is never taken as a phrase of its own.
            if candidate in phrases and not (size == 1 and candidate[0] in STOPWORDS):
                found.append(Phrase(candidate, frozenset(phrases[candidate])))
                i += size
                break
        else:
            if words[i] not in STOPWORDS:
                rest.append(words[i])
            i += 1
    return found, rest


def text_condition(query: str) -> Q:
    """The WHERE condition of a free-text query (an empty Q when the query has no words)."""
    found, rest = parse(query, term_phrases())
    condition = Q()
    links = Service.terms.through.objects
    for phrase in found:
        tagged = links.filter(taxonomyterm_id__in=phrase.term_ids).values("service_id")
        has_term = Q(pk__in=tagged)
        condition &= has_term | Q(search_text__contains=" " + " ".join(phrase.words))
    for word in rest:
        condition &= Q(search_text__contains=" " + word)
    return condition
