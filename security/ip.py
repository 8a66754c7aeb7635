"""The client's network address, as rate limits and sign-in lockouts key on it. Never stored
with anything and never logged (only hashed into short-lived keys).

With `TRUSTED_PROXY_COUNT = 0` (the default) the address is the peer the ASGI server saw
(REMOTE_ADDR; uvicorn's `--proxy-headers` may already have resolved it from a proxy it trusts).
With `TRUSTED_PROXY_COUNT = n`, n proxies of ours stand in front of the workers and each appends
the address it saw to X-Forwarded-For: the client is the n-th entry from the right. Everything
left of it is whatever the client sent, so a forged X-Forwarded-For cannot change the key."""

import ipaddress

from django.conf import settings


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def client_address(request) -> str:
    """The client's address as text ("unknown" when there is none)."""
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted > 0:
        forwarded = [
            part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
        ]
        # Fewer entries than proxies: the request did not come through all of them, so only
        # the peer itself can be believed.
        if len(forwarded) >= trusted:
            address = _address(forwarded[-trusted])
            if address is not None:
                return str(address)
    address = _address(request.META.get("REMOTE_ADDR", ""))
    return str(address) if address is not None else "unknown"


def rate_limit_identity(request) -> str:
    """What one client is, for counting: its IPv4 address, or its IPv6 /64 (one household or
    phone gets a whole /64, and could otherwise take a fresh address for every request)."""
    text = client_address(request)
    address = _address(text)
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return text
