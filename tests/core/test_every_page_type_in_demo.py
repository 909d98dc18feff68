"""Every page type an editor can create has a live page in the demo, in every language.

The site-wide query bound (test_page_query_bound.py) and the quality gate check the
demo's pages: a page type with no demo page escapes both. A new page type comes with
its demo content (fixtures/demo/README.md).
"""

import pytest
from wagtail.models import Page, get_page_models

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def creatable_page_models():
    """The page types the admin offers somewhere: creatable, with a parent allowed.

    Those of csti-cms and its built-in plugins; the suite's own example plugin
    (tests/example_plugin) is no part of the demo.
    """
    return [
        model
        for model in get_page_models()
        if model is not Page
        and model.__module__.startswith("csti_cms.")
        and model.is_creatable
        and model.allowed_parent_page_models()
    ]


def test_every_creatable_page_type_has_a_live_demo_page_in_every_language():
    missing = {
        model._meta.label: sorted(
            language
            for language in LANGUAGES
            if not model.objects.live().filter(locale__language_code=language).exists()
        )
        for model in creatable_page_models()
    }

    assert {label: languages for label, languages in missing.items() if languages} == {}


def test_the_page_types_checked_are_the_distributions_not_the_test_plugins():
    """An empty list would pass the check above: it holds the distribution's page types."""
    labels = {model._meta.label for model in creatable_page_models()}

    assert {"csti_core.ContentPage", "csti_agenda.EventPage"} <= labels
    assert labels.isdisjoint({"wagtailcore.Page", "quiz.QuizPage"})
