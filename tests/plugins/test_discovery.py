"""Start-up finds plugins, and refuses misconfigured ones with a message that says what to do."""

import pytest

from csti_cms.plugins import PluginConfig, PluginError, discover_plugins
from csti_cms.plugins.discovery import find_plugins


@pytest.fixture(autouse=True)
def only_the_plugins_given_here(monkeypatch):
    """These tests describe start-up with the plugins they name, whatever else is installed."""
    monkeypatch.setattr("csti_cms.plugins.discovery.entry_points", lambda group: [])


class Telescope(PluginConfig):
    name = "telescope"
    label = "telescope"
    version = "2.0.0"
    compatibility = ">=0.1"
    default_settings = {"TELESCOPE_APERTURE": 100}
    required_settings = ("TELESCOPE_SITE",)


class OldTelescope(Telescope):
    compatibility = "<0.1"


class NeedsPlanetarium(Telescope):
    depends_on = ("planetarium",)


def namespace(**settings):
    return {"INSTALLED_APPS": ["csti_cms.core"], **settings}


def refs(*configs):
    return [f"{__name__}.{config.__name__}" for config in configs]


def test_discovered_plugin_joins_installed_apps_with_its_defaults_under_the_sites_own():
    settings = namespace(TELESCOPE_SITE="roof", TELESCOPE_APERTURE=250)
    discover_plugins(settings, also=refs(Telescope))
    assert f"{__name__}.Telescope" in settings["INSTALLED_APPS"]
    assert settings["TELESCOPE_APERTURE"] == 250
    assert settings["CSTI_PLUGINS"] == ["telescope"]


def test_incompatible_plugin_stops_start_up_naming_it():
    with pytest.raises(PluginError) as error:
        discover_plugins(namespace(TELESCOPE_SITE="roof"), also=refs(OldTelescope))
    message = str(error.value)
    assert "'telescope'" in message and "supports csti-cms <0.1" in message
    assert "CSTI_PLUGINS_EXCLUDE" in message


def test_missing_required_setting_names_the_setting():
    with pytest.raises(PluginError, match="needs the setting TELESCOPE_SITE"):
        discover_plugins(namespace(), also=refs(Telescope))


def test_missing_dependency_names_it():
    with pytest.raises(PluginError, match="needs the plugin.s. planetarium"):
        discover_plugins(namespace(TELESCOPE_SITE="roof"), also=refs(NeedsPlanetarium))


def test_excluded_plugin_is_left_out():
    settings = namespace(CSTI_PLUGINS_EXCLUDE=["telescope"])
    discover_plugins(settings, also=refs(OldTelescope))
    assert settings["CSTI_PLUGINS"] == []


def test_entry_point_that_is_not_a_plugin_config_is_refused():
    with pytest.raises(PluginError, match="not a csti_cms.plugins.PluginConfig"):
        find_plugins(also=["csti_cms.core.apps.CoreConfig"])


def test_unimportable_plugin_is_refused_with_the_fix():
    with pytest.raises(PluginError, match="cannot be imported.*reinstall"):
        find_plugins(also=["nowhere.apps.NowhereConfig"])


def test_page_type_without_the_mixin_is_refused():
    from django.apps import apps

    from csti_cms.plugins.registration import _check_page_types
    from csti_cms.plugins.testing import make_site  # noqa: F401  (imports the kit)

    config = apps.get_app_config("quiz")
    original = config.get_models

    from csti_cms.core.models import ContentPage

    config.get_models = lambda: [ContentPage]
    try:
        with pytest.raises(PluginError, match="without csti_cms.plugins.PluginPageMixin"):
            _check_page_types(config)
    finally:
        config.get_models = original
