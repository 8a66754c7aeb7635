import uuid

import pytest

from tests.mapping.conftest import use_fresh_cache


@pytest.fixture(autouse=True)
def _own_caches(settings):
    # The demo's maps and contributions are read back through a cache and rate limits that a
    # shared Redis keeps between tests: each test gets namespaces of its own, as the tests of
    # mapping and participation (where these tests lived) do.
    use_fresh_cache(settings)
    settings.PARTICIPATION_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex
