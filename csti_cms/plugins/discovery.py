"""Finding installed plugins from a site's settings module.

    # at the end of a site's settings
    from csti_cms.plugins import discover_plugins
    discover_plugins(globals())

Every package that names an app config in the ``csti_cms.plugins`` entry point
group is added to ``INSTALLED_APPS`` (so its migrations always run, even where
it is switched off), except those listed in ``CSTI_PLUGINS_EXCLUDE``.
"""

from dataclasses import dataclass
from importlib.metadata import entry_points

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

from csti_cms import __version__

from .config import PluginConfig
from .errors import PluginError, PluginSettingError

ENTRY_POINT_GROUP = "csti_cms.plugins"


@dataclass(frozen=True)
class DiscoveredPlugin:
    label: str
    app_config: str
    config_class: type
    source: str


def _load(reference, source):
    try:
        config_class = import_string(reference)
    except ImportError as error:
        raise PluginError(
            source,
            f"cannot be imported ({error})",
            "reinstall it in this Python environment, or exclude it with CSTI_PLUGINS_EXCLUDE",
        ) from None
    if not (isinstance(config_class, type) and issubclass(config_class, PluginConfig)):
        raise PluginError(
            source,
            f"points at {reference}, which is not a csti_cms.plugins.PluginConfig",
            "make the entry point name the plugin's app config, e.g. my_plugin.apps:MyConfig",
        )
    return DiscoveredPlugin(config_class.plugin_label(), reference, config_class, source)


def find_plugins(also=(), exclude=()):
    """Plugins named by entry points, plus app config paths given in ``also``.

    Entry points are named after the plugin label, so an excluded plugin is never
    imported: excluding is the way out of a plugin that fails to import.
    """
    found = [
        _load(entry_point.value.replace(":", "."), f"{entry_point.name} (entry point)")
        for entry_point in entry_points(group=ENTRY_POINT_GROUP)
        if entry_point.name not in exclude
    ]
    found += [_load(reference, reference) for reference in also]
    by_label = {}
    for plugin in found:
        if plugin.label in by_label and by_label[plugin.label].app_config != plugin.app_config:
            raise PluginError(
                plugin.label,
                f"is provided twice ({by_label[plugin.label].source} and {plugin.source})",
                "uninstall one of the two packages",
            )
        by_label[plugin.label] = plugin
    return _dependencies_first(by_label)


def _dependencies_first(by_label):
    ordered, seen = [], set()

    def visit(plugin):
        if plugin.label in seen:
            return
        seen.add(plugin.label)
        for label in plugin.config_class.depends_on:
            if label in by_label:
                visit(by_label[label])
        ordered.append(plugin)

    for label in sorted(by_label):
        visit(by_label[label])
    return ordered


def excluded_labels(value):
    """The labels of ``CSTI_PLUGINS_EXCLUDE``: a list, tuple or set, or a comma-separated string.

    A string must not be read as a sequence: its characters would exclude nothing,
    and the plugin the operator meant to leave out would be installed silently.
    """
    if isinstance(value, str):
        value = value.split(",")
    elif not isinstance(value, (list, tuple, set, frozenset)):
        raise PluginSettingError(
            "CSTI_PLUGINS_EXCLUDE",
            f"is set to a {type(value).__name__}, not to plugin labels",
            'give a list of labels, e.g. ["memberships"], or a comma-separated string',
        )
    return {label.strip() for label in value if label.strip()}


def discover_plugins(namespace, *, also=()):
    """Install every discovered plugin into the settings ``namespace`` (``globals()``).

    Checks each plugin's compatibility, dependencies and required settings,
    merges its default settings under the site's own, and records the labels in
    ``CSTI_PLUGINS``. Returns the discovered plugins.
    """
    exclude = excluded_labels(namespace.get("CSTI_PLUGINS_EXCLUDE", ()))
    plugins = [plugin for plugin in find_plugins(also, exclude) if plugin.label not in exclude]
    labels = {plugin.label for plugin in plugins}
    for plugin in plugins:
        _check(plugin, labels, namespace)
    installed = namespace["INSTALLED_APPS"]
    for plugin in plugins:
        if plugin.app_config not in installed:
            installed.append(plugin.app_config)
    namespace["CSTI_PLUGINS"] = [plugin.label for plugin in plugins]
    return plugins


def _check(plugin, labels, namespace):
    config = plugin.config_class
    config.check_metadata(__version__)
    missing = [label for label in config.depends_on if label not in labels]
    if missing:
        raise PluginError(
            plugin.label,
            f"needs the plugin(s) {', '.join(missing)}, which are not installed or are excluded",
            "install them in this environment, or exclude this plugin with CSTI_PLUGINS_EXCLUDE",
        )
    for name, value in config.default_settings.items():
        namespace.setdefault(name, value)
    for name in config.required_settings:
        if name not in namespace:
            raise PluginError(
                plugin.label, f"needs the setting {name}", f"define {name} in the site's settings"
            )


@checks.register()
def check_excluded_plugins_exist(app_configs=None, **kwargs):
    """A label in ``CSTI_PLUGINS_EXCLUDE`` that names no installed plugin.

    Most likely a typo: the plugin the operator meant to leave out is still there.
    Installed plugins are those found by entry point (excluded or not) and those
    :func:`discover_plugins` added to the site.
    """
    excluded = excluded_labels(getattr(settings, "CSTI_PLUGINS_EXCLUDE", ()))
    known = {entry_point.name for entry_point in entry_points(group=ENTRY_POINT_GROUP)}
    known.update(getattr(settings, "CSTI_PLUGINS", ()))
    return [
        checks.Warning(
            f"CSTI_PLUGINS_EXCLUDE names {label!r}, which is not an installed plugin.",
            hint=f"Installed plugins: {', '.join(sorted(known)) or 'none'}. "
            "Check the spelling of the label, or remove it from CSTI_PLUGINS_EXCLUDE.",
            id="csti_plugins.W001",
        )
        for label in sorted(excluded - known)
    ]
