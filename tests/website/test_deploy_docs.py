"""The README's nginx configuration is the file CI's topology journey runs (tests/topology/):
the README quotes deploy/nginx/saferplaces.conf.template whole, and this keeps the two equal."""

import re
from pathlib import Path

import pytest

from tests.topology.stack import PLACEHOLDER, TEMPLATE, render_template

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_quotes_the_nginx_configuration_the_journey_runs():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"^```nginx\n(.*?)^```$", readme, re.S | re.M)
    assert blocks == [TEMPLATE.read_text()]


def test_the_readme_renders_every_placeholder_of_the_template():
    readme = (ROOT / "README.md").read_text()
    names = set(PLACEHOLDER.findall(TEMPLATE.read_text()))
    command = re.search(r"^envsubst '([^']*)'", readme, re.M).group(1)
    assert set(PLACEHOLDER.findall(command)) == names
    for name in names:
        assert re.search(rf"\b{name}=", readme), f"the README gives no example of {name}"
    # And a placeholder left without a value is refused, not passed to nginx as text.
    values = dict.fromkeys(names, "x")
    values.pop("SPB_LISTEN")
    with pytest.raises(KeyError, match="SPB_LISTEN"):
        render_template(values)
