"""A plugin written by `csti-cms startplugin` installs, is discovered and keeps the contract.

This is the path a developer outside the project takes: generate, `pip install`,
restart, switch on. The generated package's own tests run unchanged, in a
separate process that discovers it through its entry point; and, before any
install, from a plugin folder made beside a site's manage.py, as the plugin
guide's quick start does.
"""

import gettext
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from csti_cms import __version__
from csti_cms.cli import main
from csti_cms.plugins.scaffold import ScaffoldError, create_plugin, names_for, supported_versions

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd=ROOT, site_packages=None):
    """``python *args`` in a fresh process, configured by its own files, not this test run.

    (DATABASE_URL too: the outer run's test database is in use by the outer run; and
    CSTI_DATA_DIR, which the demo's settings set to the demo's data folder.) A plugin
    installed into ``site_packages`` is seen by this process alone, never by the virtualenv
    that other processes (a development server, another test run) share.
    """
    own = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "CSTI_DATA_DIR"}
    environment = {k: v for k, v in os.environ.items() if k not in own}
    if site_packages:
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(site_packages), environment.get("PYTHONPATH")])
        )
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


#: A stylesheet its author adds to the generated plugin, where the plugin guide says.
STYLESHEET = Path("csti_science_quiz", "static", "csti_science_quiz", "quiz.css")


@dataclass
class InstalledPlugin:
    source: Path
    site_packages: Path


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory):
    """A generated plugin, given a stylesheet, installed as pip installs it, into a folder of
    its own."""
    directory = tmp_path_factory.mktemp("plugins")
    assert main(["startplugin", "science-quiz", "--directory", str(directory)]) == 0
    source = directory / "csti-science-quiz"
    (source / STYLESHEET).parent.mkdir(parents=True)
    (source / STYLESHEET).write_text(".quiz { margin: 0; }\n")
    site_packages = tmp_path_factory.mktemp("site-packages")
    install = run(
        *("-m", "pip", "install", "--quiet", "--no-deps"),
        *("--target", str(site_packages), str(source)),
    )
    assert install.returncode == 0, install.stderr
    return InstalledPlugin(source, site_packages)


def test_generated_plugin_is_discovered_through_its_entry_point(installed_plugin):
    code = (
        "from csti_cms.plugins.discovery import find_plugins;"
        "print([(p.label, p.app_config, p.source) for p in find_plugins()])"
    )
    found = run("-c", code, site_packages=installed_plugin.site_packages)
    assert found.returncode == 0, found.stderr
    assert (
        "('science_quiz', 'csti_science_quiz.apps.ScienceQuizConfig', 'science_quiz (entry point)')"
        in found.stdout
    )


def test_generated_plugin_ships_its_static_files(installed_plugin):
    """The site's collectstatic gathers them from the installed package; a file left out of
    it breaks, under production's manifest storage, every page that refers to it."""
    assert (installed_plugin.site_packages / STYLESHEET).read_text() == ".quiz { margin: 0; }\n"


def test_generated_plugin_tests_pass_unchanged(installed_plugin):
    # Run from the plugin's own folder, as its author would, away from this checkout.
    result = run(
        *("-m", "pytest", "-q", "-p", "no:cacheprovider"),
        cwd=installed_plugin.source,
        site_packages=installed_plugin.site_packages,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
    # Whitenoise's "No directory at: .../static/" on every request would bury real warnings.
    assert "No directory at" not in result.stdout, result.stdout[-4000:]


def make_site_folder(directory):
    """A csti-cms site's folder: manage.py, a conftest and a ``tests`` package of its own.

    Each of them breaks the run of a plugin's tests that picks it up instead of the
    plugin's own files.
    """
    refuse = "raise RuntimeError('the site folder was used by the plugin tests')\n"
    directory.mkdir()
    (directory / "manage.py").write_text(refuse)
    (directory / "conftest.py").write_text(refuse)
    (directory / "tests").mkdir()
    (directory / "tests" / "__init__.py").write_text("")
    (directory / "tests" / "settings.py").write_text(refuse)
    return directory


def test_tests_of_a_plugin_made_inside_a_site_folder_pass_there(tmp_path):
    # The quick start runs startplugin beside manage.py; the plugin is not installed yet.
    site_folder = make_site_folder(tmp_path / "centre-site")
    assert main(["startplugin", "planetarium-shows", "--directory", str(site_folder)]) == 0
    plugin = site_folder / "csti-planetarium-shows"
    result = run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=plugin)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_catalogues_are_compiled_for_shipping(tmp_path):
    plugin = create_plugin("science-quiz", tmp_path, make_migration=False)
    locale = plugin / "csti_science_quiz" / "locale"
    for language, highlight in (("fr", "Temps fort :"), ("nl", "Uitgelicht:")):
        with (locale / language / "LC_MESSAGES" / "django.mo").open("rb") as compiled:
            assert gettext.GNUTranslations(compiled).gettext("Highlight:") == highlight


def test_common_words_are_translated_in_the_plugins_own_context(tmp_path):
    """Django's, Wagtail's and csti-cms's catalogues win for a msgid without context.

    The scaffold's "Title", "Text" and "body" take the plugin's label as context, so
    that a plugin author's own translation of them is the one shown.
    """
    plugin = create_plugin("science-quiz", tmp_path, make_migration=False)
    package = plugin / "csti_science_quiz"
    assert 'pgettext_lazy("science_quiz", "Title")' in (package / "blocks.py").read_text()
    assert 'pgettext_lazy("science_quiz", "body")' in (package / "models.py").read_text()
    expected = {"fr": ("Titre", "Texte", "contenu"), "nl": ("Titel", "Tekst", "inhoud")}
    for language, words in expected.items():
        with (package / "locale" / language / "LC_MESSAGES" / "django.mo").open("rb") as compiled:
            catalogue = gettext.GNUTranslations(compiled)
        translated = tuple(catalogue.pgettext("science_quiz", w) for w in ("Title", "Text", "body"))
        assert translated == words
        warning = "%(count)s published page will answer 404 on this site."
        plural = "%(count)s published pages will answer 404 on this site."
        assert catalogue.ngettext(warning, plural, 1) != warning, "the switch-off warning"


def test_plugin_claims_csti_cms_up_to_the_next_major_version(tmp_path):
    assert supported_versions("0.1.0") == ">=0.1,<1"
    assert supported_versions("1.4.2") == ">=1.4,<2"
    plugin = create_plugin("science-quiz", tmp_path, make_migration=False)
    claimed = supported_versions(__version__)
    assert f'dependencies = ["csti-cms{claimed}"]' in (plugin / "pyproject.toml").read_text()
    apps = (plugin / "csti_science_quiz" / "apps.py").read_text()
    assert f'compatibility = "{claimed}"' in apps


def test_bad_names_are_refused_with_a_reason():
    with pytest.raises(ScaffoldError, match="lowercase"):
        names_for("Science Quiz")
    assert names_for("science-quiz")["package"] == "csti_science_quiz"
