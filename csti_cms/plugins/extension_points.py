"""Typed extension points: functions plugins implement and the site calls.

Built on pluggy. A plugin implements extension points in its ``hooks`` module:

    from csti_cms.plugins import hookimpl

    @hookimpl
    def csti_organization_jsonld(site, request):
        return {"memberOf": [...]}

Callers go through :func:`call`, which only reaches plugins switched on for the
site in question. The specifications below are the whole list; each says what
it receives and what it returns.
"""

import pluggy

PROJECT = "csti_cms"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class ExtensionPoints:
    @hookspec
    def csti_page_head(self, request, page):
        """HTML (already safe) to add to ``<head>`` of a public page, or None.

        For plugin stylesheets, feeds (``<link rel="alternate">``) or JSON-LD.
        """

    @hookspec
    def csti_footer_links(self, request):
        """A list of ``(text, url)`` links for the site footer."""

    @hookspec
    def csti_organization_jsonld(self, site, request):
        """A dict merged into the schema.org ``Organization`` describing the centre."""


plugin_manager = pluggy.PluginManager(PROJECT)
plugin_manager.add_hookspecs(ExtensionPoints)


def call(name, site, /, **kwargs):
    """Call extension point ``name`` on the plugins enabled for ``site``; a list of results."""
    from .state import enabled_labels

    enabled = enabled_labels(site)
    disabled = [
        module for label, module in plugin_manager.list_name_plugin() if label not in enabled
    ]
    caller = plugin_manager.subset_hook_caller(name, remove_plugins=disabled)
    return [result for result in caller(**kwargs) if result is not None]
