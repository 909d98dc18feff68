"""A switch whose lifecycle callback fails leaves the cached state as the database has it."""

import pytest
from django.apps import apps

from csti_cms.plugins.models import SitePlugin
from csti_cms.plugins.state import disable, enable, is_enabled

pytestmark = pytest.mark.django_db


class NoQuizThemesToday(Exception):
    pass


@pytest.fixture
def quiz():
    return apps.get_app_config("quiz")


def test_failed_enable_leaves_the_plugin_off(quiz, site, monkeypatch):
    seen_during_callback = []

    def installed(site):
        seen_during_callback.append(is_enabled("quiz", site))  # caches the uncommitted "on"
        raise NoQuizThemesToday

    monkeypatch.setattr(quiz, "installed", installed)
    with pytest.raises(NoQuizThemesToday):
        enable("quiz", site)
    assert seen_during_callback == [True]
    assert not SitePlugin.objects.filter(site=site, label="quiz", enabled=True).exists()
    assert not is_enabled("quiz", site)


def test_failed_disable_leaves_the_plugin_on(quiz, site, enable_plugin, monkeypatch):
    enable_plugin("quiz", site)
    seen_during_callback = []

    def uninstalled(site):
        seen_during_callback.append(is_enabled("quiz", site))  # caches the uncommitted "off"
        raise NoQuizThemesToday

    monkeypatch.setattr(quiz, "uninstalled", uninstalled)
    with pytest.raises(NoQuizThemesToday):
        disable("quiz", site)
    assert seen_during_callback == [False]
    assert SitePlugin.objects.get(site=site, label="quiz").enabled
    assert is_enabled("quiz", site)
