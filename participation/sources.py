"""Sources: where a contribution came from, for counting people robustly to cleared cookies.

A source is an HMAC under CONTRIBUTOR_HASH_KEY of the client's network as rate limits see it
(security.ip: an IPv4 address, or an IPv6 /64): one network with any number of cookies is one
source. A pin made in a live workshop has the participant as its source instead: the facilitator's
workshop vouches for its join codes, so a class on one school network still counts as its pupils.
The address itself is never stored."""

from .codes import keyed_hash


def network_source(address: str) -> str:
    return keyed_hash("source", address)


def workshop_source(workshop: str, contributor: str) -> str:
    return keyed_hash("workshop-source", f"{workshop}:{contributor}")


def contribution_source(*, address: str | None, contributor: str, workshop: str = "") -> str:
    """A workshop participant's pin: the participant. A public submission: its network. Without
    an address (demo data, staff entering on a group's behalf, who vouch for it like a workshop)
    the contributor stands for its own source."""
    if workshop:
        return workshop_source(workshop, contributor)
    if address is None:
        return keyed_hash("source-contributor", contributor)
    return network_source(address)
