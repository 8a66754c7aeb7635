# Site search finds the EFH section's pages, so its tests build them with the efh fixtures.
from tests.efh.conftest import efh_index  # noqa: F401
