"""When services are open: the query conditions behind "evenings", "weekends" and "open now", and
the words the pages use for a schedule.

Schedules follow HSDS (RFC 5545 style): weekly rows with `byday` codes and opening times. A row
whose closing time is earlier than its opening time runs past midnight."""

import datetime

from django.db.models import F, Q
from django.utils import timezone

from .models import DAY_CODES, Frequency, Schedule
from .models.details import EVENING_STARTS, WEEKEND


def _having(condition: Q) -> Q:
    """Services with a schedule row matching `condition` (an uncorrelated IN subquery)."""
    return Q(pk__in=Schedule.objects.filter(condition).values("service_id"))


def evening_condition() -> Q:
    """Open after 18:00 on some day: closes after six, opens after six, or runs past midnight."""
    return _having(
        Q(closes_at__gt=EVENING_STARTS)
        | Q(opens_at__gte=EVENING_STARTS)
        | Q(closes_at__lt=F("opens_at"))
    )


def weekend_condition() -> Q:
    days = Q()
    for code in WEEKEND:
        days |= Q(byday__contains=code)
    return _having(days)


def _valid_on(day: datetime.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def open_now_condition(now: datetime.datetime | None = None) -> Q:
    """Open at `now` (local time) by a weekly schedule. Monthly rows are not counted: a day of the
    month alone cannot say whether this week is the week."""
    local = timezone.localtime(now or timezone.now())
    today, time = local.date(), local.time()
    code = DAY_CODES[local.weekday()]
    yesterday = DAY_CODES[(local.weekday() - 1) % 7]
    weekly = Q(freq=Frequency.WEEKLY)
    same_day = (
        Q(byday__contains=code, opens_at__lte=time)
        & (Q(closes_at__gt=time) | Q(closes_at__lt=F("opens_at")))
        & _valid_on(today)
    )
    # The tail of last night's opening that runs past midnight.
    overnight = Q(
        byday__contains=yesterday, closes_at__lt=F("opens_at"), closes_at__gt=time
    ) & _valid_on(today - datetime.timedelta(days=1))
    return _having(weekly & (same_day | overnight))


def format_time(value: datetime.time | None) -> str:
    """12-hour clock as GOV.UK writes it: 9am, 5:30pm, midday, midnight."""
    if value is None:
        return ""
    if value.hour == 12 and value.minute == 0:
        return "midday"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def describe(schedule: Schedule) -> str:
    """One line for a results list: 'Mondays and Wednesdays, 6pm to 9pm'."""
    days = [f"{name}s" for name in schedule.day_names]
    if len(days) == 7:
        day_text = "Every day"
    elif days:
        day_text = days[0] if len(days) == 1 else ", ".join(days[:-1]) + " and " + days[-1]
    else:
        day_text = schedule.description or "See details"
    hours = ""
    if schedule.opens_at and schedule.closes_at:
        hours = f", {format_time(schedule.opens_at)} to {format_time(schedule.closes_at)}"
    return day_text + hours


def is_evening(schedule: Schedule) -> bool:
    opens, closes = schedule.opens_at, schedule.closes_at
    return bool(
        (closes and closes > EVENING_STARTS)
        or (opens and opens >= EVENING_STARTS)
        or (opens and closes and closes < opens)
    )


def is_weekend(schedule: Schedule) -> bool:
    return any(code in schedule.day_codes for code in WEEKEND)
