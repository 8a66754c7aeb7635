"""Reports of a problem are rate limited like participation's submissions: each test counts its
own (participation's fixture gives it a rate-limit namespace of its own)."""

from tests.participation.conftest import _own_rate_limits

__all__ = ["_own_rate_limits"]
