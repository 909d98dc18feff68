"""A German-speaking centre in Belgium installs the Belgian levels under their German names."""

import pytest
from django.test import override_settings
from wagtail.models import Locale

from csti_cms.core.demo_content import stable_uuid
from csti_cms.schools.levels import install_levels, level_key
from csti_cms.schools.models import SchoolLevel

pytestmark = pytest.mark.django_db


@override_settings(
    LANGUAGES=[("fr", "Français"), ("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]
)
def test_the_belgian_levels_have_their_german_names():
    german = Locale.objects.create(language_code="de")
    install_levels("be")
    names = {
        code: SchoolLevel.objects.get(
            translation_key=stable_uuid("snippet", level_key("be", code)), locale=german
        ).name
        for code in ("maternelle", "p3", "s2")
    }
    assert names == {
        "maternelle": "Kindergarten",
        "p3": "3. Primarschuljahr",
        "s2": "Sekundarschule 2. Stufe (3.-4. Jahr)",
    }
