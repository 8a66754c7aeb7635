"""Rate limits on anonymous submissions, counted in Django's cache (Redis in production, so they
hold across server processes).

Each submission counts against its contributor token and against its network address. The token
limit is tight (10 pins an hour); the address limit is generous because a whole classroom or youth
club shares one address. Addresses and tokens are hashed into the cache keys and expire with the
window: nothing is written to the database."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .codes import keyed_hash

MESSAGES = {
    "pin": "You have added a lot of places in the last hour. Thank you! To keep the map fair, "
    "please wait a while before adding more.",
    "proposal": "You have shared a lot of ideas in the last hour. Thank you! Please wait a while "
    "before sharing more.",
    "suggestion": "You have suggested a lot of places in the last hour. Thank you! Please wait "
    "a while before suggesting more.",
    "service-view": "You have given a lot of views of services in the last hour. Thank you! "
    "Please wait a while before giving more.",
    "support": "You have supported a lot of ideas in the last hour. Please wait a while.",
    "contributor": "A lot of new people have taken part from this network in the last hour. "
    "Please wait a while, or join through your workshop's code if you are in one.",
    "receipt": "Too many codes were tried from here in the last few minutes. Please wait ten "
    "minutes and try again.",
    "listing-report": "Many reports were sent from here in the last hour. Thank you! Please wait "
    "a while before sending more.",
    "workshop-code": "Too many workshop codes that do not exist were tried from here. Please "
    "wait ten minutes, or ask the person running the workshop for the code.",
}


@dataclass
class RateLimited(Exception):
    action: str
    retry_after: int

    @property
    def message(self) -> str:
        return MESSAGES[self.action]


def limit(name: str) -> tuple[int, int]:
    # name: (submissions allowed, window in seconds), all declared in settings.
    return tuple(settings.PARTICIPATION_RATE_LIMITS[name])


def _key(name: str, identity: str) -> str:
    namespace = settings.PARTICIPATION_RATE_LIMIT_NAMESPACE
    return f"participation-rl:{namespace}:{name}:{keyed_hash('rate-limit', identity)[:32]}"


def _count(name: str, identity: str, window: int) -> int:
    key = _key(name, identity)
    for _ in range(3):
        cache.add(key, 0, timeout=window)
        try:
            return cache.incr(key)
        except ValueError:
            # The key expired between add() and incr(): start the window again.
            continue
    return 1


def check_new_contributor(is_new: bool, address: str | None) -> None:
    """A request without a contributor cookie mints a new contributor: rate limited per network,
    so clearing the cookie cannot make many people quickly (the map counts per source anyway)."""
    if is_new:
        check("contributor", address=address)


def check(action: str, *, contributor: str | None = None, address: str | None = None) -> None:
    """Counts one submission of `action` ("pin", "proposal", ...); raises RateLimited beyond a
    limit. `contributor` is the contributor hash, `address` the client address."""
    for kind, identity in (("address", address), ("contributor", contributor)):
        if identity is None:
            continue
        name = f"{action}-{kind}"
        allowed, window = limit(name)
        if _count(name, identity, window) > allowed:
            raise RateLimited(action, window)


def check_not_exhausted(action: str, *, address: str | None) -> None:
    """Raises RateLimited when `address` has used up its allowance of `action` already, without
    counting this request: for limits that count failures only (a wrong workshop code), so a
    class on one school address opening its workshop's page again and again is never stopped."""
    if address is None:
        return
    name = f"{action}-address"
    allowed, window = limit(name)
    if (cache.get(_key(name, address)) or 0) >= allowed:
        raise RateLimited(action, window)
