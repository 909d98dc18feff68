"""An install chooses its languages with ``LANGUAGES`` alone, in its site's settings.

``WAGTAIL_CONTENT_LANGUAGES`` and ``WAGTAILADMIN_PERMITTED_LANGUAGES`` follow it: a site
that drops English the way the self-hosting guide says still starts.
"""

import pytest

from csti_cms.cli import main
from tests.helpers import ROOT
from tests.test_cli_start import run_in

WITHOUT_ENGLISH = 'LANGUAGE_CODE = "nl"\nLANGUAGES = [("nl", "Nederlands"), ("fr", "Français")]\n'

SHOW_LANGUAGES = (
    "from django.conf import settings; "
    "from wagtail.coreutils import get_content_languages; "
    "from wagtail.admin.localization import get_available_admin_languages; "
    "print(list(get_content_languages()), [code for code, _ in get_available_admin_languages()])"
)


@pytest.fixture
def site_settings(tmp_path):
    """The settings ``csti-cms start`` writes for a new centre, in a checkout of its own."""
    (tmp_path / "manage.py").write_text((ROOT / "manage.py").read_text())
    assert main(["start", "technopolis", "--directory", str(tmp_path)]) == 0
    return tmp_path / "sites" / "technopolis" / "settings" / "base.py"


def choose_languages(site_settings, replacement):
    text = site_settings.read_text()
    shown = text[text.index("LANGUAGE_CODE = ") : text.index("]\n", text.index("LANGUAGES = ")) + 2]
    site_settings.write_text(text.replace(shown, replacement))


def test_the_generated_settings_show_the_installs_languages(site_settings):
    text = site_settings.read_text()
    assert 'LANGUAGE_CODE = "fr"' in text
    assert 'LANGUAGES = [("fr", "Français"), ("nl", "Nederlands"), ("en", "English")]' in text


def test_an_install_without_english_starts_and_its_content_languages_follow(site_settings):
    choose_languages(site_settings, WITHOUT_ENGLISH)
    checkout = site_settings.parents[3]
    dev = "sites.technopolis.settings.dev"
    check = run_in(checkout, "check", DJANGO_SETTINGS_MODULE=dev)
    assert check.returncode == 0, check.stderr
    shown = run_in(checkout, "shell", "-c", SHOW_LANGUAGES, DJANGO_SETTINGS_MODULE=dev)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == "['nl', 'fr'] ['nl', 'fr']"


def test_a_default_language_the_install_dropped_is_named_by_the_check(site_settings):
    choose_languages(site_settings, 'LANGUAGE_CODE = "fr"\nLANGUAGES = [("nl", "Nederlands")]\n')
    checkout = site_settings.parents[3]
    check = run_in(checkout, "check", DJANGO_SETTINGS_MODULE="sites.technopolis.settings.dev")
    assert check.returncode != 0
    assert "translation.E004" in check.stderr
    assert "LANGUAGE_CODE" in check.stderr and "LANGUAGES" in check.stderr
