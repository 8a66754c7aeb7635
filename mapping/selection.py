"""What someone asks the community map for: filters and a span of whole calendar months.

One place validates the query string of the public page, the API and the partnership views, so a
bad month or an unknown exercise gets the same clear message everywhere."""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from participation.models import Feeling, TimeOfDay
from workshops.models import Exercise

MONTH_RE = re.compile(r"^((?:19|20)\d\d)-(0[1-9]|1[0-2])$")


class SelectionError(ValueError):
    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))
        self.errors = errors


def month_start(period: str) -> dt.date:
    match = MONTH_RE.match(period)
    return dt.date(int(match[1]), int(match[2]), 1)


def next_month(period: str) -> str:
    start = month_start(period)
    return f"{start.year + start.month // 12:04d}-{start.month % 12 + 1:02d}"


def previous_month(period: str) -> str:
    start = month_start(period)
    return f"{start.year - (start.month == 1):04d}-{(start.month - 2) % 12 + 1:02d}"


def months_back(period: str, count: int) -> str:
    start = month_start(period)
    index = start.year * 12 + start.month - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def month_label(period: str) -> str:
    return month_start(period).strftime("%B %Y")


def last_released_month(today: dt.date | None = None) -> str:
    """The latest month that is over and past its moderation grace period."""
    today = today or timezone.localdate()
    ended_by = today - dt.timedelta(days=settings.MAP_RELEASE_AFTER_DAYS)
    return previous_month(f"{ended_by.year:04d}-{ended_by.month:02d}")


@dataclass(frozen=True)
class Filters:
    exercise: str = ""
    feeling: str = ""
    when: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"exercise": self.exercise, "feeling": self.feeling, "when": self.when}

    def replace(self, **changes) -> "Filters":
        return Filters(**{**self.as_dict(), **changes})


@dataclass(frozen=True)
class Selection:
    filters: Filters = field(default_factory=Filters)
    start: str = ""  # first month asked for, "" = from the first month with contributions
    end: str = ""  # last month asked for, "" = up to the last released month

    def as_query(self) -> dict[str, str]:
        query = self.filters.as_dict()
        query.update({"from": self.start, "to": self.end})
        return {key: value for key, value in query.items() if value}


def parse_selection(params) -> Selection:
    """Reads exercise, feeling, when, from, to (a QueryDict or dict); raises SelectionError."""

    def get(name: str) -> str:
        return (params.get(name) or "").strip()

    errors = []
    exercise, feeling, when = get("exercise"), get("feeling"), get("when")
    if exercise and not Exercise.objects.filter(slug=exercise).exists():
        errors.append({"field": "exercise", "message": f"There is no exercise '{exercise[:80]}'."})
    if feeling and feeling not in Feeling.values:
        errors.append(
            {"field": "feeling", "message": "Choose one of: " + ", ".join(Feeling.values)}
        )
    if when and when not in TimeOfDay.values:
        errors.append({"field": "when", "message": "Choose one of: " + ", ".join(TimeOfDay.values)})
    months = {}
    for name in ("from", "to"):
        value = get(name)
        if value and not MONTH_RE.match(value):
            errors.append(
                {"field": name, "message": "Give a whole month as YYYY-MM, for example 2025-03."}
            )
        else:
            months[name] = value
    if not errors and months["from"] and months["to"] and months["from"] > months["to"]:
        errors.append({"field": "to", "message": "The last month comes before the first month."})
    if errors:
        raise SelectionError(errors)
    return Selection(Filters(exercise, feeling, when), months["from"], months["to"])
