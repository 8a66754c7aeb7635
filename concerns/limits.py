"""How many reports one network address may send in a window, counted in the shared cache
(Redis in production, so the count holds across server processes). The address is hashed into
the key and expires with the window: nothing is written to the database."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

MESSAGE = (
    "A lot of reports have been sent from here in the last hour. Thank you. Please wait a while "
    "and send this one again: nothing you typed has been lost."
)


@dataclass
class TooManyReports(Exception):
    retry_after: int
    message: str = MESSAGE


def count_report(address: str) -> None:
    """Counts one report from `address`; raises TooManyReports beyond the limit."""
    allowed, window = settings.CONCERNS_RATE_LIMITS["report-address"]
    digest = salted_hmac("concerns.limits", address, algorithm="sha256").hexdigest()[:32]
    key = f"concerns-rl:{settings.CONCERNS_RATE_LIMIT_NAMESPACE}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr(): a new window starts with this one
        cache.add(key, 1, timeout=window)
        count = 1
    if count > allowed:
        raise TooManyReports(retry_after=window)
