"""The Belgian and French systems install in every language, once, with the demo's keys."""

import io

import pytest
from django.core.management import CommandError, call_command

from csti_cms.core.demo_content import stable_uuid
from csti_cms.schools.levels import SYSTEMS, install_levels, level_key
from csti_cms.schools.models import SchoolLevel
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def test_the_demo_levels_are_the_built_in_systems():
    for system, levels in SYSTEMS.items():
        for level in levels:
            key = stable_uuid("snippet", level_key(system, level.code))
            names = dict(
                SchoolLevel.objects.filter(translation_key=key).values_list(
                    "locale__language_code", "name"
                )
            )
            in_the_demo = {code: name for code, name in level.names.items() if code in LANGUAGES}
            assert names == in_the_demo, level.code


def test_installing_again_creates_nothing():
    assert install_levels("be") == 0
    out = io.StringIO()
    call_command("load_school_levels", stdout=out)
    assert "be: 0" in out.getvalue() and "fr: 0" in out.getvalue()


def test_an_unknown_system_is_named_and_nothing_is_installed():
    """A typo must not install the systems that were spelt right and leave the rest out."""
    SchoolLevel.objects.all().delete()
    known = ", ".join(SYSTEMS)
    with pytest.raises(CommandError, match=f"Unknown school system ch: choose from {known}\\."):
        call_command("load_school_levels", "fr", "ch", stdout=io.StringIO())
    assert not SchoolLevel.objects.exists()


def test_a_fresh_site_gets_both_systems_in_every_language():
    SchoolLevel.objects.all().delete()
    call_command("load_school_levels", "fr", stdout=io.StringIO())
    assert SchoolLevel.objects.filter(system="fr").count() == 3 * len(SYSTEMS["fr"])
    assert not SchoolLevel.objects.filter(system="be").exists()
    cm1 = SchoolLevel.objects.get(
        translation_key=stable_uuid("snippet", "level-fr-cm1"), locale__language_code="nl"
    )
    assert cm1.name == "CM1 (4e leerjaar)" and (cm1.age_min, cm1.age_max) == (9, 10)
