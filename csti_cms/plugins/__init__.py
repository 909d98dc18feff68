"""The csti-cms plugin framework: discovery, per-site switches and the plugin contract.

The public API for plugin authors and sites:

- :class:`PluginConfig`: base class of a plugin's app config, with its metadata;
- :func:`discover_plugins`: called by a site's settings to install plugins;
- :class:`PluginPageMixin`: the base every plugin page type starts with;
- :class:`PluginViewSetGroupMixin`: makes an admin submenu follow the plugin's switch;
- :data:`hookimpl`: decorator for implementing extension points (see
  :mod:`csti_cms.plugins.extension_points`);
- :func:`is_enabled`, :func:`enable`, :func:`disable`: per-site state, and
  :class:`PluginStateError`, raised by a switch that would break a dependency.

Only this module and :mod:`csti_cms.plugins.testing` are public; anything else
may change without notice.
"""

from .config import PluginConfig
from .discovery import discover_plugins
from .errors import PluginError
from .extension_points import hookimpl

__all__ = [
    "PluginConfig",
    "PluginError",
    "PluginPageMixin",
    "PluginStateError",
    "PluginViewSetGroupMixin",
    "disable",
    "discover_plugins",
    "enable",
    "hookimpl",
    "is_enabled",
]


def __getattr__(name):
    # Parts that need the app registry are imported on first use, so a plugin's
    # apps.py (loaded while settings are read) can import PluginConfig freely.
    if name == "PluginPageMixin":
        from .pages import PluginPageMixin

        return PluginPageMixin
    if name == "PluginViewSetGroupMixin":
        from .menus import PluginViewSetGroupMixin

        return PluginViewSetGroupMixin
    if name in {"is_enabled", "enable", "disable", "PluginStateError"}:
        from . import state

        return getattr(state, name)
    raise AttributeError(name)
