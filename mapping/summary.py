"""A short written summary of the published cells, for people who do not read maps."""

from participation.models import TimeOfDay

from .outputs import collection_for
from .scale import leans_safe, leans_unsafe
from .selection import Selection, month_label

TIME_PHRASES = {
    TimeOfDay.MORNING: "In the morning",
    TimeOfDay.SCHOOL_HOURS: "During school hours",
    TimeOfDay.AFTER_SCHOOL: "After school",
    TimeOfDay.EVENING: "In the evening",
    TimeOfDay.NIGHT: "At night",
}
LEANS_UNSAFE = 0.6
LEANS_SAFE = 0.4


def join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def places_of(properties: list[dict], limit: int = 3) -> list[str]:
    names: list[str] = []
    for p in properties:
        if p["near"] not in names:
            names.append(p["near"])
    return names[:limit]


def most_unsafe(collection: dict) -> list[str]:
    cells = [f["properties"] for f in collection["features"]]
    leaning = [p for p in cells if leans_unsafe(p, LEANS_UNSAFE)]
    # A withheld safe count ranks as all-unsafe: it is the share the page can vouch for.
    return places_of(
        sorted(leaning, key=lambda p: (-p["unsafe"], -(p["unsafe_share"] or 1), p["place"]))
    )


def most_safe(collection: dict) -> list[str]:
    cells = [f["properties"] for f in collection["features"]]
    leaning = [p for p in cells if leans_safe(p, LEANS_SAFE)]
    return places_of(
        sorted(leaning, key=lambda p: (-p["safe"], p["unsafe_share"] or 0, p["place"]))
    )


def span(collection: dict) -> str:
    start, end = collection["from"], collection["to"]
    if start == end:
        return month_label(start)
    return f"{month_label(start)} to {month_label(end)}"


def summarise(selection: Selection, collection: dict) -> list[str]:
    features = collection["features"]
    if not features:
        return [
            "No area has pins from enough different people to be shown for this choice yet. "
            "Try more months, or fewer filters."
        ]
    count = len(features)
    sentences = [
        f"{count} area{'s' if count != 1 else ''} had pins from enough different people to be "
        f"shown, {span(collection)}."
    ]
    unsafe, safe = most_unsafe(collection), most_safe(collection)
    if unsafe:
        sentences.append(f"Most unsafe-feeling areas are around {join_words(unsafe)}.")
    if safe:
        sentences.append(f"Areas that feel safest are around {join_words(safe)}.")
    if not selection.filters.when and selection.filters.feeling != "safe":
        for when, phrase in TIME_PHRASES.items():
            at_that_time = Selection(
                selection.filters.replace(when=when, feeling=""), selection.start, selection.end
            )
            names = most_unsafe(collection_for(at_that_time))
            if names:
                sentences.append(
                    f"{phrase}, most unsafe-feeling areas are around {join_words(names)}."
                )
    return sentences
