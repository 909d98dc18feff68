"""`csti_plugins uninstall` counts what it finds in words that agree with the numbers.

"1 quiz pages" reads wrong, and in French the default plural of a page type
("page des séances du planétarium" + "s") reads worse: one row takes the model's
verbose_name, several take its verbose_name_plural.
"""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from csti_cms.plugins.uninstall import content_summary, describe
from tests.example_plugin.models import QuizPage, QuizTheme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def one_page_three_themes(site):
    site.root_page.add_child(instance=QuizPage(title="Quiz", slug="quiz"))
    for name in ("Stars", "Planets", "Comets"):
        QuizTheme.objects.create(name=name)


def test_one_row_is_named_in_the_singular_several_in_the_plural(one_page_three_themes):
    summary = content_summary("quiz")
    assert summary == {"quiz page": 1, "quiz themes": 3}
    assert describe(summary) == "1 quiz page, 3 quiz themes"


def test_models_without_rows_are_left_out(site):
    QuizTheme.objects.create(name="Stars")
    assert describe(content_summary("quiz")) == "1 quiz theme"


def test_refusal_counts_in_agreeing_words(one_page_three_themes):
    with pytest.raises(CommandError) as refused:
        call_command("csti_plugins", "uninstall", "quiz")
    assert "still has content (1 quiz page, 3 quiz themes)" in str(refused.value)


def test_finished_uninstall_says_to_remove_the_package_and_restart(monkeypatch, capsys):
    """The site's running processes still query the dropped tables: the operator is told.

    ``uninstall`` itself is replaced: dropping the example plugin's tables would break
    the other tests of this run.
    """
    monkeypatch.setattr(
        "csti_cms.plugins.management.commands.csti_plugins.uninstall",
        lambda label, delete_content: {"quiz page": 1, "quiz themes": 3},
    )
    call_command("csti_plugins", "uninstall", "quiz", "--delete-content", no_color=True)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "quiz uninstalled (1 quiz page, 3 quiz themes removed)."
    assert "pip uninstall" in lines[1] and "CSTI_PLUGINS_EXCLUDE" in lines[1]
    assert "restart every process of the site" in lines[1]
    assert "audience hubs" in lines[1]
    assert len(lines) == 2


def test_the_command_reports_in_english_whatever_the_site_s_language(one_page_three_themes):
    """The counts' model names used to follow the site's language inside English sentences."""
    with translation.override("fr"), pytest.raises(CommandError) as refused:
        call_command("csti_plugins", "uninstall", "quiz")
    assert "still has content (1 quiz page, 3 quiz themes)" in str(refused.value)
