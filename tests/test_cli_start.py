"""`csti-cms start` writes a centre's site package that runs as the self-hosting guide says."""

import os
import secrets
import shutil

import pytest

from csti_cms.cli import main
from tests.helpers import ROOT, run_manage


def run_in(checkout, *args, **env):
    """``manage.py *args`` in ``checkout``, with runtime data of its own."""
    return run_manage(*args, cwd=checkout, CSTI_DATA_DIR=str(checkout / "var"), **env)


@pytest.fixture
def checkout(tmp_path):
    """A checkout of a centre's fork, before its site exists: manage.py alone."""
    shutil.copy(ROOT / "manage.py", tmp_path)
    return tmp_path


def test_start_writes_the_site_package(checkout, capsys):
    assert (
        main(
            ["start", "cap_sciences", "--centre-name", "Cap Sciences", "--directory", str(checkout)]
        )
        == 0
    )
    site = checkout / "sites" / "cap_sciences"
    written = sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file())
    assert written == [
        "__init__.py",
        "settings/__init__.py",
        "settings/base.py",
        "settings/dev.py",
        "settings/production.py",
        "templates/README.md",
        "urls.py",
        "wsgi.py",
    ]
    assert (checkout / "sites" / "__init__.py").exists()
    base = (site / "settings" / "base.py").read_text()
    assert 'ROOT_URLCONF = "sites.cap_sciences.urls"' in base
    assert 'WAGTAIL_SITE_NAME = "Cap Sciences"' in base
    out = capsys.readouterr().out
    assert "export DJANGO_SETTINGS_MODULE=sites.cap_sciences.settings.dev" in out
    assert "python manage.py add_centre --host localhost --port 8000" in out


def test_the_site_passes_the_deployment_checks(checkout):
    assert main(["start", "cap_sciences", "--directory", str(checkout)]) == 0
    result = run_in(
        checkout,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="sites.cap_sciences.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="www.cap-sciences.net",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SECURE_HSTS_PRELOAD="true",
        WAGTAILADMIN_BASE_URL="https://www.cap-sciences.net",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DEFAULT_FROM_EMAIL="web@cap-sciences.net",
    )
    assert result.returncode == 0, result.stderr
    dev = run_in(checkout, "check", DJANGO_SETTINGS_MODULE="sites.cap_sciences.settings.dev")
    assert dev.returncode == 0, dev.stderr


def test_start_in_an_empty_folder_writes_the_manage_py_that_runs_the_site(tmp_path, capsys):
    """A centre that installed csti-cms with pip starts from an empty folder, no checkout."""
    assert main(["start", "cap_sciences", "--directory", str(tmp_path)]) == 0
    manage_py = tmp_path / "manage.py"
    assert os.access(manage_py, os.X_OK)
    out = capsys.readouterr().out
    assert "export DJANGO_SETTINGS_MODULE" not in out
    assert "python manage.py migrate" in out
    # No DJANGO_SETTINGS_MODULE (run_manage leaves it out): manage.py chooses the new site's.
    check = run_in(tmp_path, "check")
    assert check.returncode == 0, check.stderr
    settings = run_in(tmp_path, "diffsettings")
    assert "ROOT_URLCONF = 'sites.cap_sciences.urls'" in settings.stdout, settings.stderr
    assert "DEBUG = True" in settings.stdout


def test_a_site_without_the_demo_content_is_told_where_it_is(tmp_path):
    """The wheel leaves fixtures/demo out: load_demo_content points to the source."""
    assert main(["start", "cap_sciences", "--directory", str(tmp_path)]) == 0
    result = run_in(tmp_path, "load_demo_content")
    assert result.returncode == 1
    assert "--from DIR or CSTI_DEMO_CONTENT_DIR" in result.stderr
    assert "the fixtures/demo folder of its source" in result.stderr


def test_start_keeps_the_manage_py_of_a_checkout(checkout, capsys):
    assert main(["start", "cap_sciences", "--directory", str(checkout)]) == 0
    assert (checkout / "manage.py").read_text() == (ROOT / "manage.py").read_text()
    # The checkout's manage.py runs the demo: the new site is chosen by its settings module.
    assert "export DJANGO_SETTINGS_MODULE=sites.cap_sciences.settings.dev" in (
        capsys.readouterr().out
    )


def test_start_refuses_to_overwrite_a_site(checkout, capsys):
    assert main(["start", "cap_sciences", "--directory", str(checkout)]) == 0
    settings_file = checkout / "sites" / "cap_sciences" / "settings" / "base.py"
    settings_file.write_text("# the centre's own changes\n")
    assert main(["start", "cap_sciences", "--directory", str(checkout)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert settings_file.read_text() == "# the centre's own changes\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["Cap-Sciences"], "not a usable site name"),
        (["class"], "Python keyword"),
        (["cap", "--centre-name", 'Le "Cap"'], "without quotation marks"),
    ],
)
def test_start_explains_a_name_it_cannot_use(checkout, capsys, arguments, message):
    assert main(["start", *arguments, "--directory", str(checkout)]) == 2
    assert message in capsys.readouterr().err
    assert not (checkout / "sites").exists()


def test_the_guide_shows_the_settings_start_writes(checkout):
    """The self-hosting guide quotes the generated settings: it must not drift from them."""
    main(
        [
            "start",
            "mycentre",
            "--centre-name",
            "Mon centre de sciences",
            "--directory",
            str(checkout),
        ]
    )
    written = (checkout / "sites" / "mycentre" / "settings" / "base.py").read_text()
    code = written.split('"""', 2)[2]  # what follows the docstring
    assert code in (ROOT / "docs" / "self-hosting.md").read_text()
