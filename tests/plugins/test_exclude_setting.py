"""CSTI_PLUGINS_EXCLUDE is read as labels whether written as a list or as one string."""

import pytest

from csti_cms.plugins import PluginConfig, PluginError, discover_plugins
from csti_cms.plugins.discovery import excluded_labels


@pytest.fixture(autouse=True)
def only_the_plugins_given_here(monkeypatch):
    monkeypatch.setattr("csti_cms.plugins.discovery.entry_points", lambda group: [])


class Telescope(PluginConfig):
    name = "telescope"
    label = "telescope"
    compatibility = "<0.1"  # would stop start-up if it were not excluded


TELESCOPE = [f"{__name__}.Telescope"]


@pytest.mark.parametrize("excluded", ["telescope", " planetarium, telescope ", ("telescope",)])
def test_excluded_plugin_is_left_out_whichever_way_the_setting_is_written(excluded):
    settings = {"INSTALLED_APPS": [], "CSTI_PLUGINS_EXCLUDE": excluded}
    discover_plugins(settings, also=TELESCOPE)
    assert settings["CSTI_PLUGINS"] == []


def test_a_string_is_split_on_commas_not_into_characters():
    assert excluded_labels("memberships,declarations") == {"memberships", "declarations"}
    assert excluded_labels("") == set()


@pytest.mark.parametrize("excluded", [None, 42, {"telescope": True}])
def test_a_setting_that_is_not_labels_stops_start_up(excluded):
    settings = {"INSTALLED_APPS": [], "CSTI_PLUGINS_EXCLUDE": excluded}
    with pytest.raises(PluginError) as refused:
        discover_plugins(settings, also=TELESCOPE)
    message = str(refused.value)
    assert message.startswith("csti-cms setting CSTI_PLUGINS_EXCLUDE is set to a ")
    assert "comma-separated string" in message
