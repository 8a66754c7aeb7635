"""The import contracts of pyproject.toml ([tool.importlinter], run by `make lint`) hold on the
tree, and they fail when an app breaks a layer: checked on a copy of the packages with one
offending import added, so the contracts are known to bite."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("tree")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    for package in CONFIG["root_packages"]:
        shutil.copytree(
            ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return copy


def test_the_tree_keeps_every_contract(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "offending_import", "contract"),
    [
        ("staff/roles.py", "import moderation.models", "Layers"),
        ("places/geo.py", "import workshops.models", "Layers"),
        ("services_directory/views.py", "import coproduction.models", "Layers"),
        ("mapping/views.py", "import website.urls", "No app imports the project package"),
        ("moderation/services.py", "import participation.models", "Moderation imports no"),
        ("participation/views/pins.py", "import demo.pins", "Nothing imports the demo"),
    ],
)
def test_a_broken_layer_fails_the_lint(tree, module, offending_import, contract):
    path = tree / module
    original = path.read_text()
    try:
        path.write_text(original + f"\n{offending_import}  # the probe\n")
        result = lint(tree)
    finally:
        path.write_text(original)
    assert result.returncode != 0
    # A contract with ignored imports says so after its verdict: "BROKEN (2 ignored imports)";
    # a long contract name runs into the verdict with no space between.
    broken = [line for line in result.stdout.splitlines() if "BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), result.stdout[-3000:]
