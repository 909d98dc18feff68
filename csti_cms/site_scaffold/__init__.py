"""``csti-cms start``: write the site package of a new centre, as the self-hosting guide says.

A site package holds what belongs to one centre: settings built on csti-cms's, its
URLs, its WSGI entry point and a folder for theme overrides. It lives in the
checkout under ``sites/`` and is imported as ``sites.<name>``, so that the centre's
fork versions it beside the code it runs on. Its content (pages, branding, host
name) is made afterwards, in the database, by ``manage.py add_centre``.
"""

import keyword
import re
from pathlib import Path

from csti_cms.scaffold import copy_template

TEMPLATE_DIR = Path(__file__).parent / "template"
NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class SiteScaffoldError(ValueError):
    pass


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
    """Write ``sites/<name>/`` under ``directory`` (the checkout); return its path."""
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
    return target
