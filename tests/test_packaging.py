"""What the wheel and the source archive hold, for a centre that installs csti-cms with pip.

The suite runs from the checkout, where every file is at hand: a file that pyproject.toml's
package data leaves out of the wheel, or MANIFEST.in out of the source archive, is only
missed on an install from PyPI.
"""

import tomllib
from pathlib import Path

import pytest

from tests.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def packaged_files(package):
    """The files of ``package`` (a dotted name) other than modules that the wheel ships."""
    folder = ROOT / Path(*package.split("."))
    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    patterns = [*data.get("*", []), *data.get(package, [])]
    return {path for pattern in patterns for path in folder.glob(pattern) if path.is_file()}


@pytest.mark.parametrize("package", ["csti_cms.site_scaffold", "csti_cms.plugins.scaffold"])
def test_the_wheel_ships_every_file_a_scaffold_copies(package):
    """``csti-cms start`` and ``startplugin`` copy these files into a centre's folder."""
    folder = ROOT / Path(*package.split("."))
    templates = {path for path in folder.rglob("*-tpl") if path.is_file()}
    assert templates, "the scaffold's templates end in -tpl"
    assert templates - packaged_files(package) == set()


def test_the_source_archive_holds_the_changelog_the_guides_and_the_demo_content():
    """An operator who installed with pip reads what an upgrade asks in CHANGELOG.md, and
    loads the demo with ``load_demo_content --from`` its fixtures/demo. The tests stay out:
    they need the checkout's conftest and demo site."""
    commands = [
        line.split()
        for line in (ROOT / "MANIFEST.in").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ["include", "CHANGELOG.md", "CONTRIBUTING.md"] in commands
    assert ["graft", "docs"] in commands
    assert ["graft", "fixtures/demo"] in commands
    assert ["prune", "tests"] in commands
    assert (ROOT / "fixtures" / "demo" / "content.json").is_file()
