"""The two import contracts of places of concern bite: no other app may read the reports (so
neither the community map nor any public page can), and concerns reads no contribution app but
through its two doors ("You said, we did"'s outcomes, the map as published)."""

import pytest

from tests.website.test_architecture import lint, tree  # noqa: F401 (the fixture and its lint)
from tests.website.test_architecture import test_a_broken_layer_fails_the_lint as probe


@pytest.mark.parametrize(
    ("module", "offending_import", "contract"),
    [
        ("mapping/views.py", "import concerns.models", "No app reads the reports about places"),
        ("moderation/services.py", "import concerns.models", "No app reads the reports"),
        ("concerns/services.py", "import participation.models", "Places of concern read only"),
        # Behind the two doors (participation/outcomes.py, mapping/around.py) all stays closed.
        ("concerns/forms.py", "import participation.services", "Places of concern read only"),
        ("concerns/views/assessments.py", "import mapping.releases", "Places of concern read"),
        ("concerns/views/assessments.py", "import mapping.aggregation", "Places of concern"),
    ],
)
def test_reading_reports_from_another_app_fails_the_lint(tree, module, offending_import, contract):  # noqa: F811
    probe(tree, module, offending_import, contract)
