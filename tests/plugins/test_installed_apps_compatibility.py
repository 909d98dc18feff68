"""A plugin listed in INSTALLED_APPS by hand is checked like a discovered one."""

import pytest
from django.apps.registry import Apps

from csti_cms.plugins import PluginConfig, PluginError


class ObservatoryConfig(PluginConfig):
    name = "tests.plugins"
    label = "observatory"
    version = "3.0.0"
    compatibility = "<0.1"


class FutureObservatoryConfig(ObservatoryConfig):
    compatibility = ">=99"


def test_incompatible_plugin_in_installed_apps_stops_start_up_naming_it():
    with pytest.raises(PluginError) as refused:
        Apps(installed_apps=[f"{__name__}.ObservatoryConfig"])
    message = str(refused.value)
    assert "'observatory' 3.0.0 supports csti-cms <0.1, but csti-cms" in message
    assert "CSTI_PLUGINS_EXCLUDE" in message


def test_a_plugin_from_the_future_is_refused_too():
    with pytest.raises(PluginError, match="supports csti-cms >=99"):
        Apps(installed_apps=[f"{__name__}.FutureObservatoryConfig"])
