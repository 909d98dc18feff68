"""A plugin reserves the ids its templates use, so that no heading's anchor takes one."""

import pytest
from django.apps import apps

from csti_cms.blocks.reserved_ids import CORE
from csti_cms.blocks.text import heading_anchor
from csti_cms.plugins import PluginError
from csti_cms.plugins.registration import plugins, register_plugin
from csti_cms.plugins.testing import id_examples, template_ids, undeclared_template_ids


@pytest.fixture
def quiz_declaring():
    """Declare the example plugin's ids anew, as its ``ready()`` does; its own come back after."""
    config = apps.get_app_config("quiz")

    def declare(**declaration):
        for name, value in declaration.items():
            setattr(config, name, value)
        register_plugin(config)

    yield declare
    for name in ("reserved_ids", "reserved_id_patterns"):
        vars(config).pop(name, None)
    register_plugin(config)


def test_a_heading_named_like_a_third_party_plugins_template_id_gets_another():
    assert heading_anchor("Quiz question", set()) == "section-quiz-question"
    assert heading_anchor("Quiz questions", set()) == "quiz-questions"


def test_a_third_party_plugins_id_pattern_is_honoured(quiz_declaring):
    quiz_declaring(reserved_id_patterns=(r"quiz-round-\d+",))
    assert heading_anchor("Quiz round 3", set()) == "section-quiz-round-3"
    assert heading_anchor("Quiz rounds", set()) == "quiz-rounds"


def test_a_declaration_loaded_anew_replaces_the_old_one(quiz_declaring):
    quiz_declaring(reserved_ids=frozenset())
    assert heading_anchor("Quiz question", set()) == "quiz-question"


def test_the_core_reserves_none_of_its_plugins_ids():
    for config in plugins():
        assert config.reserved_ids.isdisjoint(CORE.ids), config.label


def test_an_id_a_plugin_forgot_to_declare_is_named_with_its_template(monkeypatch):
    monkeypatch.setattr(apps.get_app_config("quiz"), "reserved_ids", frozenset())
    assert undeclared_template_ids("quiz") == [("templates/quiz/quiz_page.html", "quiz-question")]


def test_an_id_pattern_that_is_no_regular_expression_stops_start_up(quiz_declaring):
    with pytest.raises(PluginError) as refused:
        quiz_declaring(reserved_id_patterns=("quiz-(round",))
    assert str(refused.value) == (
        "csti-cms plugin 'quiz' declares the id pattern 'quiz-(round', which is not a regular "
        "expression (missing ), unterminated subpattern at position 5): correct it in "
        "reserved_id_patterns."
    )


def test_ids_declared_as_one_string_stop_start_up(quiz_declaring):
    with pytest.raises(PluginError) as refused:
        quiz_declaring(reserved_ids="quiz-question")
    assert str(refused.value) == (
        "csti-cms plugin 'quiz' declares reserved_ids as one string: give a collection of "
        "them, as in reserved_ids = ('quiz-question',)."
    )


def test_ids_in_single_quotes_and_numbered_samples_are_read(tmp_path):
    template = tmp_path / "quiz.html"
    template.write_text(
        "<h2 id='quiz-results'>…</h2>{{ answers|json_script:'quiz-answers' }}"
        '<li id="question-{{ question.pk }}">…</li>',
        encoding="utf-8",
    )
    written = [value for _template, value in template_ids([template])]
    assert written == ["quiz-results", "quiz-answers", "question-{{ question.pk }}"]
    assert id_examples(written[2], {"question.pk": [7, 8]}) == ["question-7", "question-8"]


def test_an_id_built_with_a_template_tag_asks_for_a_pattern():
    with pytest.raises(ValueError, match="reserved_id_patterns"):
        id_examples("{% if featured %}featured-{% endif %}quiz", {})
