"""Workshop pins are participation's pins: the same fixtures (own rate limits, the JSON pin
client, the reference data after a flush)."""

from tests.participation.conftest import _own_rate_limits, post_pin, reference_data

__all__ = ["_own_rate_limits", "post_pin", "reference_data"]
