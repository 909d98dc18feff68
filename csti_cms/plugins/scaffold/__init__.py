"""``csti-cms startplugin``: write a complete, tested plugin package to start from.

The files come from ``template/`` (see :mod:`csti_cms.scaffold`). The translation
catalogues are compiled right away, so the new plugin speaks French and Dutch before
its author installs gettext. The initial migration is then made by Django's own ``makemigrations``
against the installed csti-cms, so it always matches the core models the
plugin's page type builds on.
"""

import keyword
import os
import re
import subprocess
import sys
from pathlib import Path

import polib
from packaging.version import Version

from csti_cms.scaffold import copy_template

TEMPLATE_DIR = Path(__file__).parent / "template"
NAME = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")


class ScaffoldError(ValueError):
    pass


def names_for(name):
    """The names a plugin called ``name`` (e.g. ``science-quiz``) is known by."""
    if not NAME.match(name):
        raise ScaffoldError(
            f"{name!r} is not a usable plugin name: use lowercase letters, digits and "
            "hyphens, starting with a letter (e.g. science-quiz)."
        )
    label = name.replace("-", "_")
    if keyword.iskeyword(label):
        raise ScaffoldError(f"{name!r} is a Python keyword; choose another name.")
    words = label.split("_")
    return {
        "name": name,
        "label": label,
        "project_name": f"csti-{name}",
        "package": f"csti_{label}",
        "class_name": "".join(word.capitalize() for word in words),
        "verbose_name": " ".join(words).capitalize(),
        "settings_prefix": label.upper(),
    }


def supported_versions(version):
    """The csti-cms versions a plugin made against ``version`` claims: up to the next major.

    ``0.1.0`` gives ``>=0.1,<1``. Without an upper bound, pip would happily install
    the plugin beside a csti-cms whose public API it was never tested with.
    """
    release = Version(version)
    return f">={release.major}.{release.minor},<{release.major + 1}"


def create_plugin(name, directory, *, make_migration=True):
    """Write the plugin package for ``name`` into ``directory``; return its path."""
    from csti_cms import __version__

    context = {**names_for(name), "csti_versions": supported_versions(__version__)}
    target = Path(directory) / context["project_name"]
    if target.exists():
        raise ScaffoldError(f"{target} already exists; choose another folder or name.")
    copy_template(TEMPLATE_DIR, target, context)
    compile_catalogues(target)
    if make_migration:
        make_initial_migration(target, context)
    return target


def compile_catalogues(target):
    """Write the ``.mo`` file Django reads beside each ``.po`` catalogue of the plugin.

    Done with polib (which wagtail-localize, and so every csti-cms install, has)
    rather than ``compilemessages``, which needs GNU gettext's ``msgfmt``.
    """
    for catalogue in target.rglob("locale/*/LC_MESSAGES/*.po"):
        polib.pofile(str(catalogue)).save_as_mofile(str(catalogue.with_suffix(".mo")))


def make_initial_migration(target, context):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "csti_cms.plugins.scaffold.migration_settings",
        "CSTI_SCAFFOLD_APP": f"{context['package']}.apps.{context['class_name']}Config",
        "DATABASE_URL": "sqlite://:memory:",
        "PYTHONPATH": os.pathsep.join([str(target), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemigrations", context["label"], "--no-input"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ScaffoldError(f"Could not make the initial migration:\n{result.stderr}")
