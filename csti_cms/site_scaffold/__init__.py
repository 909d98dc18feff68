"""``csti-cms start``: write the site package of a new centre, as the self-hosting guide says.

A site package holds what belongs to one centre: settings built on csti-cms's, its
URLs, its WSGI entry point and a folder for theme overrides. It lives under ``sites/``
and is imported as ``sites.<name>``: in a checkout, so that the centre's fork versions it
beside the code it runs on, or in a folder of its own when csti-cms was installed with pip.
Such a folder has no ``manage.py`` yet, and ``django-admin`` cannot import ``sites``
(the working directory is not on its path): ``start`` writes one beside ``sites/``,
running the new site's development settings, and leaves a checkout's own alone. Its
content (pages, branding, host name) is made afterwards, in the database, by
``manage.py add_centre``.
"""

import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from csti_cms.scaffold import copy_template

TEMPLATE_DIR = Path(__file__).parent / "template"
MANAGE_PY_TEMPLATE = Path(__file__).parent / "manage.py-tpl"
NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class SiteScaffoldError(ValueError):
    pass


@dataclass(frozen=True)
class NewSite:
    """What ``create_site`` wrote: the site package, and ``manage.py`` unless one was there."""

    package: Path
    manage_py: Path | None


def check_name(name):
    """Refuse a name that cannot be a Python package, or that would replace the demo."""
    if not NAME.match(name):
        raise SiteScaffoldError(
            f"{name!r} is not a usable site name: use lowercase letters, digits and "
            "underscores, starting with a letter (e.g. technopolis)."
        )
    if keyword.iskeyword(name):
        raise SiteScaffoldError(f"{name!r} is a Python keyword; choose another name.")


def create_site(name, directory=".", *, centre_name=None):
    """Write ``sites/<name>/`` under ``directory``, and its ``manage.py`` if it has none.

    ``directory`` is a checkout of csti-cms or the folder of a pip-installed site.
    Returns a :class:`NewSite`.
    """
    check_name(name)
    sites = Path(directory) / "sites"
    target = sites / name
    if target.exists():
        raise SiteScaffoldError(f"{target} already exists; choose another name.")
    centre_name = centre_name or name.replace("_", " ").title()
    if not centre_name.isprintable() or set(centre_name) & set('"\\'):
        raise SiteScaffoldError(
            f"{centre_name!r}: give the centre's name without quotation marks, backslashes "
            "or line breaks."
        )
    context = {
        "package": name,
        "centre_name": centre_name,
        "centre_name_literal": f'"{centre_name}"',  # validated: no quote or backslash
    }
    copy_template(TEMPLATE_DIR, sites, context)
    # ``sites`` must be a package for ``sites.<name>`` to be imported.
    (sites / "__init__.py").touch()
    return NewSite(package=target, manage_py=write_manage_py(Path(directory), context))


def write_manage_py(directory, context):
    """Write ``directory/manage.py`` for the new site; keep one already there.

    A checkout's runs the demo, and a second site in the same folder would otherwise
    take the first one's away: those are chosen with ``DJANGO_SETTINGS_MODULE``.
    Returns the path written, or ``None``.
    """
    manage_py = directory / "manage.py"
    if manage_py.exists():
        return None
    manage_py.write_text(Template(MANAGE_PY_TEMPLATE.read_text()).substitute(context))
    manage_py.chmod(0o755)
    return manage_py
