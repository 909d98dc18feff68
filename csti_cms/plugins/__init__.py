"""The csti-cms plugin framework: discovery, per-site switches and the plugin contract.

The public API for plugin authors and sites:

- :class:`PluginConfig`: base class of a plugin's app config, with its metadata;
- :func:`discover_plugins`: called by a site's settings to install plugins;
- :class:`PluginPageMixin`: the base every plugin page type starts with;
- :class:`PluginViewSetGroupMixin`: makes an admin submenu follow the plugin's switch;
- :class:`SiteScopedViewSetMixin`: makes an admin viewset show each centre's team the
  data of its own site only, as the core's screens do when several centres share an install;
- :class:`SpreadsheetSafeExportMixin`: makes an admin listing's CSV export write what
  visitors typed as text, never as spreadsheet formulas;
- :data:`hookimpl`: decorator for implementing extension points (see
  :mod:`csti_cms.plugins.extension_points`);
- :func:`is_enabled`, :func:`enable`, :func:`disable`: per-site state, and
  :class:`PluginStateError`, raised by a switch that would break a dependency.

Helpers of the core that plugins build on, offered here so that a plugin needs no
module of the core beyond those the plugin guide lists as public:

- :func:`pages_of_site`: the pages of a site in every language (a site's homes in
  other languages are translations beside its root page, not below it);
- :func:`alphabetical`, :func:`without_accents`: sort keys and comparisons that
  ignore case and accents, as readers of French, Dutch and English expect;
- :class:`RateLimit`: a per-client allowance that keeps a public form from being flooded;
- :class:`SpamProtectedFormMixin`: a public form's robot trap and rate limit, as the
  core's request forms have them;
- :class:`LocalizedRoutablePageMixin`, :func:`localized_route` and :data:`SENT_SEGMENT`:
  sub-routes of a routable page spelled in the page's language;
- :func:`same_route_url`: the sub-route a request shows, on a translation of the page,
  for a page type's ``language_version_url``; what visitors chose there (filters) is
  carried to the other language by a ``language_switch_query(request, translation)``
  method returning ``(name, value)`` pairs, for the language switcher only: ``hreflang``
  and the canonical address name each version's own address;
- :func:`keep_on_language_switch`: query parameters (a page number of a list ordered
  alike in every language) the language switcher carries to the other language;
- :func:`localize_objects`, :func:`prefer_language`: translatable objects (snippets) in
  the visitor's language, falling back to another language's version;
- :func:`localize_pages`: pages a block chose, in the visitor's language, left out
  where the visitor's site does not show them;
- :func:`stable_uuid` and :data:`DEMO_SOURCE_LANGUAGE`: for demo content added through
  the ``csti_demo_content`` hook, whose loader names objects by stable translation keys.
- :class:`CentreLogEntry`: the base of the admin log of a model whose objects belong to
  one centre, kept out of other centres' teams' sight in Wagtail's site history;
- :func:`move_to_a_translation_or_cascade`: ``on_delete`` of a foreign key to a page that
  moves what points at a deleted translation to another translation of the page;
- :data:`ERASE_PERSONAL_DATA`, :func:`retention_period_text`, :func:`label_history_by_number`:
  a plugin that keeps personal details erases them in the daily retention job, says how
  long on its forms, and leaves no name in the admin history of what it erased;
- :data:`CENTRE_RECORDS`: a plugin that keeps visitors' records on pages names them, so
  that ``remove_centre`` counts and removes a leaving centre's with their history;
- :func:`centre_sender`: the From of an e-mail a centre sends (its name, at the install's
  address), so that readers of a shared install know which centre writes.
- :func:`team_addresses`: the addresses a centre's team reads visitors' requests at, for
  an e-mail that tells the team something; :func:`site_language`: the language the
  centre works in, to write to its team in; :func:`admin_base_url`: the address at which
  a centre's team opens the admin, for links in such an e-mail.

Only this module and :mod:`csti_cms.plugins.testing` are public; anything else
may change without notice.
"""

from importlib import import_module

from .config import PluginConfig
from .discovery import discover_plugins
from .errors import PluginError
from .extension_points import hookimpl

__all__ = [
    "CENTRE_RECORDS",
    "CentreLogEntry",
    "DEMO_SOURCE_LANGUAGE",
    "ERASE_PERSONAL_DATA",
    "LANGUAGE_TAG_MAX_LENGTH",
    "LanguageTagInput",
    "LocalizedRoutablePageMixin",
    "PluginConfig",
    "PluginError",
    "PluginPageMixin",
    "PluginStateError",
    "PluginViewSetGroupMixin",
    "RateLimit",
    "SENT_SEGMENT",
    "SiteScopedViewSetMixin",
    "SpamProtectedFormMixin",
    "SpreadsheetSafeExportMixin",
    "admin_base_url",
    "alphabetical",
    "centre_sender",
    "disable",
    "discover_plugins",
    "enable",
    "enable_unless_chosen",
    "hookimpl",
    "is_enabled",
    "keep_on_language_switch",
    "label_history_by_number",
    "localize_objects",
    "localize_pages",
    "localized_route",
    "move_to_a_translation_or_cascade",
    "pages_of_site",
    "prefer_language",
    "retention_period_text",
    "same_route_url",
    "site_language",
    "stable_uuid",
    "team_addresses",
    "validate_language_tag",
    "without_accents",
]

#: Names imported on first use, by where they live. Most need the app registry, and a
#: plugin's apps.py, loaded while settings are read, must be able to import this module.
_LAZY_EXPORTS = {
    "PluginPageMixin": ("csti_cms.plugins.pages", "PluginPageMixin"),
    "PluginViewSetGroupMixin": ("csti_cms.plugins.menus", "PluginViewSetGroupMixin"),
    "SiteScopedViewSetMixin": ("csti_cms.core.site_scope", "SiteScopedViewSetMixin"),
    "SpreadsheetSafeExportMixin": ("csti_cms.core.exports", "SpreadsheetSafeExportMixin"),
    "is_enabled": ("csti_cms.plugins.state", "is_enabled"),
    "enable": ("csti_cms.plugins.state", "enable"),
    "enable_unless_chosen": ("csti_cms.plugins.state", "enable_unless_chosen"),
    "disable": ("csti_cms.plugins.state", "disable"),
    "PluginStateError": ("csti_cms.plugins.state", "PluginStateError"),
    "pages_of_site": ("csti_cms.core.i18n", "pages_of_site"),
    "alphabetical": ("csti_cms.core.collation", "alphabetical"),
    "without_accents": ("csti_cms.core.collation", "without_accents"),
    "RateLimit": ("csti_cms.enquiries.ratelimit", "RateLimit"),
    "SpamProtectedFormMixin": ("csti_cms.enquiries.forms", "SpamProtectedFormMixin"),
    "LocalizedRoutablePageMixin": ("csti_cms.core.routes", "LocalizedRoutablePageMixin"),
    "localized_route": ("csti_cms.core.routes", "localized_route"),
    "SENT_SEGMENT": ("csti_cms.core.routes", "SENT_SEGMENT"),
    "same_route_url": ("csti_cms.core.i18n", "same_route_url"),
    "keep_on_language_switch": ("csti_cms.core.i18n", "keep_on_language_switch"),
    "localize_objects": ("csti_cms.core.i18n", "localize_objects"),
    "localize_pages": ("csti_cms.core.i18n", "localize_pages"),
    "prefer_language": ("csti_cms.core.i18n", "prefer_language"),
    "stable_uuid": ("csti_cms.core.demo_content", "stable_uuid"),
    "DEMO_SOURCE_LANGUAGE": ("csti_cms.core.demo_content", "SOURCE_LANGUAGE"),
    "ERASE_PERSONAL_DATA": ("csti_cms.core.hooks", "ERASE_PERSONAL_DATA"),
    "CENTRE_RECORDS": ("csti_cms.core.hooks", "CENTRE_RECORDS"),
    "retention_period_text": ("csti_cms.enquiries.retention", "retention_period_text"),
    "label_history_by_number": ("csti_cms.enquiries.retention", "label_history_by_number"),
    "CentreLogEntry": ("csti_cms.core.centre_log", "CentreLogEntry"),
    "LANGUAGE_TAG_MAX_LENGTH": ("csti_cms.core.language_tags", "LANGUAGE_TAG_MAX_LENGTH"),
    "LanguageTagInput": ("csti_cms.core.language_tags", "LanguageTagInput"),
    "validate_language_tag": ("csti_cms.core.language_tags", "validate_language_tag"),
    "centre_sender": ("csti_cms.core.teams", "centre_sender"),
    "team_addresses": ("csti_cms.enquiries.services", "team_addresses"),
    "site_language": ("csti_cms.core.i18n", "site_language"),
    "admin_base_url": ("csti_cms.core.teams", "admin_base_url"),
    "move_to_a_translation_or_cascade": (
        "csti_cms.core.models.settings",
        "move_to_a_translation_or_cascade",
    ),
}


def __getattr__(name):
    try:
        module, attribute = _LAZY_EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(import_module(module), attribute)
