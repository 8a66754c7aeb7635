"""The map's colour scale: five bands of "share of people who said unsafe", each with a colour
from a colour-blind-safe diverging palette (ColorBrewer PuOr) AND its own pattern, so a band can be
told apart without seeing colour at all; the legend says each band in words."""

BANDS = [
    {
        "key": "mostly-safe",
        "label": "Mostly safe",
        "words": "fewer than 1 in 5 people said unsafe",
        "upto": 0.2,
        "colour": "#5e3c99",
        "pattern": "solid",
        "pattern_words": "solid purple",
    },
    {
        "key": "more-safe",
        "label": "More safe than unsafe",
        "words": "1 in 5 to 2 in 5 said unsafe",
        "upto": 0.4,
        "colour": "#b2abd2",
        "pattern": "dots",
        "pattern_words": "light purple with dots",
    },
    {
        "key": "mixed",
        "label": "Mixed",
        # Also every cell whose safe or unsafe count is withheld ("fewer than N"): its colour
        # must not say which way the few people went, so it takes the neutral middle.
        "words": "2 in 5 to 3 in 5 said unsafe, or too few gave one of the two feelings to tell",
        "upto": 0.6,
        "colour": "#f7f7f7",
        "pattern": "lines",
        "pattern_words": "white with horizontal lines",
    },
    {
        "key": "more-unsafe",
        "label": "More unsafe than safe",
        "words": "3 in 5 to 4 in 5 said unsafe",
        "upto": 0.8,
        "colour": "#fdb863",
        "pattern": "diagonal",
        "pattern_words": "light orange with diagonal stripes",
    },
    {
        "key": "mostly-unsafe",
        "label": "Mostly unsafe",
        "words": "more than 4 in 5 people said unsafe",
        "upto": 1.0,
        "colour": "#e66101",
        "pattern": "crosshatch",
        "pattern_words": "dark orange with cross-hatching",
    },
]


def unsafe_share(safe: int | None, unsafe: int | None) -> float | None:
    if safe is None or unsafe is None:
        return None  # a sub-count too small to publish: no share either
    said = safe + unsafe
    return round(unsafe / said, 3) if said else None


def leans_unsafe(row: dict, share_at_least: float) -> bool:
    """Whether most people in a published cell said unsafe, from its published numbers only.

    With both feelings published, by the share. With unsafe published and safe withheld ("fewer
    than N"), at least N people said unsafe and fewer than N said safe, so more said unsafe: the
    cell leans unsafe without any number finer than the ones on the page."""
    if row["unsafe_share"] is not None:
        return row["unsafe_share"] >= share_at_least
    return row["unsafe"] is not None and row["safe"] is None


def leans_safe(row: dict, share_at_most: float) -> bool:
    """The mirror of leans_unsafe."""
    if row["unsafe_share"] is not None:
        return row["unsafe_share"] <= share_at_most
    return row["safe"] is not None and row["unsafe"] is None


NEUTRAL_SHARE = 0.5  # where a cell with a withheld feeling sorts: the middle, as its colour


def band_for(share: float | None) -> dict:
    """The band of a share; "Mixed" (neutral) when there is no share because a feeling is
    withheld, so neither colour nor pattern hints at the count left out."""
    if share is None:
        return BANDS[2]
    for band in BANDS:
        if share < band["upto"]:
            return band
    return BANDS[-1]
