import uuid

import pytest


@pytest.fixture(autouse=True)
def _own_rate_limits(settings):
    # Each test counts its own submissions (see tests/participation/conftest.py).
    settings.PARTICIPATION_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex
