"""The ORUK schemas the tests validate against are the official ones of ../shared/oruk/."""

import pytest

from tests.services_directory.oruk_schemas import SCHEMA_DIR, SHARED_SCHEMA_DIR


def test_the_copy_beside_the_tests_matches_the_shared_original():
    if not SHARED_SCHEMA_DIR.exists():
        pytest.skip("../shared/oruk/schema is not beside this checkout")
    shared = sorted(p.relative_to(SHARED_SCHEMA_DIR) for p in SHARED_SCHEMA_DIR.rglob("*.json"))
    copied = sorted(p.relative_to(SCHEMA_DIR) for p in SCHEMA_DIR.rglob("*.json"))
    assert copied == shared
    for name in shared:
        assert (SCHEMA_DIR / name).read_bytes() == (SHARED_SCHEMA_DIR / name).read_bytes(), name
