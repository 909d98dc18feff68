"""Translatable snippets are shown in the visitor's language, with a fallback, in one query.

Pages point at a snippet's source-language version (a workshop's subjects), and lists read
every language version of their objects at once (a centre's networks): both are shown in
the visitor's language where the translation exists, and never left out where it does not.
"""

import uuid

import pytest
from django.utils import translation

from csti_cms.core.i18n import localize_objects, prefer_language
from csti_cms.schools.models import Subject

pytestmark = pytest.mark.django_db


def subject(locales, key, **names):
    """A school subject named ``names`` by language code, sharing translation ``key``."""
    return {
        code: Subject.objects.create(name=name, locale=locales[code], translation_key=key)
        for code, name in names.items()
    }


@pytest.fixture
def physics(locales):
    return subject(locales, uuid.uuid4(), fr="Physique", nl="Natuurkunde", en="Physics")


@pytest.fixture
def geology(locales):
    return subject(locales, uuid.uuid4(), fr="Géologie")


@pytest.fixture
def chemistry(locales):
    return subject(locales, uuid.uuid4(), en="Chemistry", fr="Chimie")


@pytest.fixture
def botany(locales):
    return subject(locales, uuid.uuid4(), en="Botany")


def names(objects):
    return [obj.name for obj in objects]


def test_each_object_is_replaced_by_its_translation(physics):
    assert names(localize_objects([physics["fr"]], "nl")) == ["Natuurkunde"]


def test_an_object_not_translated_stays_as_it_is(geology):
    assert localize_objects([geology["fr"]], "nl") == [geology["fr"]]


def test_objects_keep_their_order_in_one_query(physics, geology, django_assert_num_queries):
    chosen = [geology["fr"], physics["fr"], geology["fr"]]
    with django_assert_num_queries(1):
        localized = localize_objects(chosen, "en")
    assert names(localized) == ["Géologie", "Physics", "Géologie"]


def test_objects_are_shown_in_the_active_language_by_default(physics):
    with translation.override("nl"):
        assert names(localize_objects([physics["en"]])) == ["Natuurkunde"]


def test_no_objects_cost_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert localize_objects(iter([]), "nl") == []


def all_versions(*subjects):
    """Every language version of ``subjects``, in the order the database lists them: by name."""
    keys = [next(iter(versions.values())).translation_key for versions in subjects]
    return Subject.objects.filter(translation_key__in=keys).select_related("locale")


def test_the_version_in_the_language_is_preferred(physics):
    assert names(prefer_language(all_versions(physics), "nl")) == ["Natuurkunde"]


def test_without_a_translation_the_default_language_is_the_fallback(chemistry):
    # "Chemistry" comes first by name, but French is the default language.
    assert names(prefer_language(all_versions(chemistry), "nl")) == ["Chimie"]


def test_without_the_default_language_any_version_is_shown(botany):
    assert names(prefer_language(all_versions(botany), "nl")) == ["Botany"]


def test_one_row_per_object_in_the_order_of_its_first_row(physics, geology, chemistry):
    rows = [physics["en"], geology["fr"], chemistry["en"], physics["nl"], chemistry["fr"]]
    assert names(prefer_language(rows, "nl")) == ["Natuurkunde", "Géologie", "Chimie"]


def test_rows_in_the_active_language_by_default(physics):
    with translation.override("en"):
        assert names(prefer_language(all_versions(physics))) == ["Physics"]


def test_rows_are_read_in_one_query(physics, geology, chemistry, django_assert_num_queries):
    with django_assert_num_queries(1):
        chosen = prefer_language(all_versions(physics, geology, chemistry), "nl")
    assert names(chosen) == ["Chimie", "Géologie", "Natuurkunde"]
