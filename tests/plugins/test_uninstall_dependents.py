"""Uninstalling a plugin that others build on would drop their tables too: it is refused."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db.migrations.graph import MigrationGraph
from django.db.migrations.loader import MigrationLoader

from csti_cms.plugins.uninstall import (
    UninstallBlockedByDependents,
    dependent_apps,
    uninstall,
)
from tests.example_plugin.apps import QuizConfig
from tests.example_plugin.models import QuizPage, QuizTheme

pytestmark = pytest.mark.django_db

QUIZ = ("quiz", "0001_initial")
LEADERBOARD = ("quiz_leaderboard", "0001_initial")


@pytest.fixture
def plugin_needing_quiz(monkeypatch):
    """An installed plugin that declares ``depends_on = ("quiz",)``."""
    memberships = apps.get_app_config("memberships")
    monkeypatch.setattr(memberships, "depends_on", ("quiz",))
    return memberships


@pytest.fixture
def app_migrating_on_quiz(monkeypatch):
    """An app whose migration depends on quiz's, as one with a foreign key to a quiz model."""

    class LoaderWithLeaderboard(MigrationLoader):
        def build_graph(self):
            super().build_graph()
            self.graph.add_node(LEADERBOARD, None)
            self.graph.add_dependency(None, LEADERBOARD, QUIZ)

    monkeypatch.setattr("csti_cms.plugins.uninstall.MigrationLoader", LoaderWithLeaderboard)


@pytest.fixture
def quiz_content(site, enable_plugin):
    enable_plugin("quiz", site)
    site.root_page.add_child(instance=QuizPage(title="Quiz", slug="quiz"))
    QuizTheme.objects.create(name="Stars")


def test_apps_whose_migrations_depend_on_the_plugins_are_found_in_the_graph():
    graph = MigrationGraph()
    for key in (QUIZ, ("quiz", "0002_theme_colour"), LEADERBOARD, ("telescope", "0001_initial")):
        graph.add_node(key, None)
    graph.add_dependency(None, ("quiz", "0002_theme_colour"), QUIZ)
    graph.add_dependency(None, LEADERBOARD, ("quiz", "0002_theme_colour"))
    assert dependent_apps("quiz", graph) == ["quiz_leaderboard"]
    assert dependent_apps("telescope", graph) == []


def test_nothing_in_this_project_builds_on_the_example_plugins_migrations():
    assert dependent_apps("quiz") == []


def test_uninstall_refuses_while_a_plugin_depends_on_it(plugin_needing_quiz, quiz_content):
    QuizConfig.calls.clear()
    with pytest.raises(CommandError) as refused:
        call_command("csti_plugins", "uninstall", "quiz", "--delete-content")
    message = str(refused.value)
    assert "memberships declare it in depends_on" in message
    assert "Nothing was removed" in message and "uninstall memberships first" in message
    assert QuizPage.objects.count() == 1 and QuizTheme.objects.count() == 1
    assert QuizConfig.calls == []  # no site was told the plugin was going


def test_uninstall_refuses_while_another_apps_migrations_depend_on_it(
    app_migrating_on_quiz, quiz_content
):
    with pytest.raises(UninstallBlockedByDependents) as refused:
        uninstall("quiz", delete_content=True)
    assert refused.value.apps == ["quiz_leaderboard"] and refused.value.plugins == []
    assert "migrations of the app(s) quiz_leaderboard depend on its migrations" in str(
        refused.value
    )
    assert QuizPage.objects.count() == 1 and QuizTheme.objects.count() == 1


def test_dependents_are_named_before_content_is_counted(plugin_needing_quiz, quiz_content):
    """Deleting the content would not help: the operator learns what to remove first."""
    with pytest.raises(CommandError, match="cannot be uninstalled while other apps need it"):
        call_command("csti_plugins", "uninstall", "quiz")
