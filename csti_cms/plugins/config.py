"""``PluginConfig``: what a plugin declares about itself.

A plugin is an ordinary Django app whose ``AppConfig`` subclasses
:class:`PluginConfig` and which its package names in the ``csti_cms.plugins``
entry point group. Everything here is checked when the site starts, so a
misconfigured plugin stops start-up with a message that names it and the fix.
"""

from importlib import import_module

from django.apps import AppConfig
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from .errors import PluginError

#: Where the framework looks for a plugin's optional parts: ``module`` or
#: ``module:attribute``, relative to the plugin's package. A plugin may point
#: elsewhere by setting the attribute of the same name on its config.
DEFAULT_RESOURCES = {
    "slot_blocks": "blocks:SLOT_BLOCKS",
    "urlpatterns": "urls:urlpatterns",
    "hooks_module": "hooks",
}


class PluginConfig(AppConfig):
    """Base class of every csti-cms plugin's app config.

    Metadata (class attributes):

    ``label``, ``verbose_name``
        As for any Django app; ``label`` is the plugin's identity everywhere.
    ``version``
        The plugin's own version.
    ``description``
        One or two sentences shown to administrators who switch plugins on.
    ``compatibility``
        A PEP 440 specifier the installed csti-cms version must satisfy, e.g. ``">=0.1,<1"``.
    ``depends_on``
        Labels of plugins this one needs (installed; switched on for the same site).
    ``optional_depends_on``
        Labels of plugins this one uses when they are there (never imported otherwise).
    ``default_settings``
        Settings the plugin reads, with their defaults; a site's own values win.
    ``required_settings``
        Setting names the site must define; start-up fails without them.
    ``reserved_ids``, ``reserved_id_patterns``
        The ids the plugin's templates give elements of their own, and regular expressions
        of those they build from a value (``r"quiz-[0-9]+"``): no heading's anchor takes one.
    """

    version = "0.0.0"
    description = ""
    compatibility = ""
    depends_on = ()
    optional_depends_on = ()
    default_settings = {}
    required_settings = ()
    reserved_ids = frozenset()
    reserved_id_patterns = ()

    slot_blocks = DEFAULT_RESOURCES["slot_blocks"]
    urlpatterns = DEFAULT_RESOURCES["urlpatterns"]
    hooks_module = DEFAULT_RESOURCES["hooks_module"]

    # Lifecycle: override to prepare or tidy per-site data. Both must be idempotent.

    def installed(self, site):
        """Called when the plugin is switched on for ``site``."""

    def uninstalled(self, site):
        """Called when the plugin is switched off for ``site``."""

    def can_disable(self, site):
        """Warnings an administrator must read before switching the plugin off on ``site``.

        Return a list of translated strings (empty when there is nothing to say),
        e.g. "12 published pages will answer 404 on this site".
        """
        return []

    # Framework wiring ---------------------------------------------------------

    def ready(self):
        from . import registration

        registration.register_plugin(self)

    def resource(self, name):
        """The optional part ``name`` of the plugin (see ``DEFAULT_RESOURCES``), or None.

        A missing part is fine when the plugin kept the default location; a part it
        pointed to explicitly must exist.
        """
        path = getattr(self, name)
        if not path:
            return None
        module_name, _, attribute = path.partition(":")
        explicit = path != DEFAULT_RESOURCES[name]
        try:
            module = import_module(f"{self.name}.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"{self.name}.{module_name}":
                raise
            if explicit:
                raise PluginError(
                    self.label, f"has no module {module_name!r}", f"create it or unset `{name}`"
                ) from None
            return None
        if not attribute:
            return module
        if hasattr(module, attribute):
            return getattr(module, attribute)
        if explicit:
            raise PluginError(self.label, f"has no {path!r}", f"define it or unset `{name}`")
        return None

    @classmethod
    def plugin_label(cls):
        return getattr(cls, "label", None) or cls.name.rpartition(".")[2]

    @classmethod
    def is_compatible_with(cls, csti_version):
        """Whether the plugin declares support for csti-cms ``csti_version``."""
        return Version(csti_version) in SpecifierSet(cls.compatibility)

    @classmethod
    def check_metadata(cls, installed_version):
        """Raise :class:`PluginError` when the plugin cannot run with this csti-cms."""
        label = cls.plugin_label()
        try:
            SpecifierSet(cls.compatibility)
        except InvalidSpecifier:
            raise PluginError(
                label,
                f"declares an invalid compatibility {cls.compatibility!r}",
                'use a PEP 440 specifier such as ">=0.1,<1"',
            ) from None
        if not cls.is_compatible_with(installed_version):
            raise PluginError(
                label,
                f"{cls.version} supports csti-cms {cls.compatibility}, "
                f"but csti-cms {installed_version} is installed",
                "install a version of the plugin made for this csti-cms, or exclude it "
                "with CSTI_PLUGINS_EXCLUDE",
            )
