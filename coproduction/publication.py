"""When a service's young people's view may be shown, and what may be shown: the rule alone,
on plain values, so that it can be checked on every sequence of views (tests/coproduction).

A published snapshot is counts per answer, each rounded down to a multiple of the threshold (an
answer chosen by fewer is left out), and taken only from at least the threshold of different
contributors. A new snapshot replaces the
shown one only once at least the threshold of different contributors have given, changed or
deleted a view since it was taken: two published states then differ by at least that many people,
never by one person's answer."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Snapshot:
    """What is shown: rounded counts per answer ("yes", "not_sure", "no", and each stand-out),
    and how many people stand behind them, rounded the same way."""

    counts: tuple[tuple[str, int], ...]
    people: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.counts)


def threshold() -> int:
    """How many different young people a shown view needs, and how many a change of it needs."""
    return settings.SERVICE_VIEW_MIN_CONTRIBUTORS


def rounded(count: int, step: int) -> int:
    # Down, never up: a shown count is never more people than there are.
    return step * (count // step)


def snapshot(views: Mapping[str, tuple[str, ...]], step: int) -> Snapshot | None:
    """The rounded counts of the current views (contributor -> the answers they chose), or None
    while fewer than `step` different contributors gave one."""
    if len(views) < step:
        return None
    tally = Counter(answer for answers in views.values() for answer in set(answers))
    # An answer fewer than `step` people chose is left out rather than shown as 0: even "0"
    # would say that somebody chose it.
    counts = tuple(sorted((a, rounded(n, step)) for a, n in tally.items() if n >= step))
    return Snapshot(counts, people=rounded(len(views), step))


def republish(
    shown: Snapshot | None,
    views: Mapping[str, tuple[str, ...]],
    changed_by: set[str],
    step: int,
) -> tuple[Snapshot | None, bool]:
    """The snapshot to show now and whether it is new (so the caller resets `changed_by`, the
    contributors who gave, changed or deleted a view since `shown` was taken)."""
    if len(changed_by) < step:
        return shown, False
    return snapshot(views, step), True
