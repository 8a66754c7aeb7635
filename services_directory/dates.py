"""Calendar arithmetic the review rules need, without a third-party date library."""

import calendar
import datetime


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` earlier (later when negative), clamped to month end."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
