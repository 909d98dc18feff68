"""What the framework does with each plugin when Django has loaded it."""

import inspect
import re

from django.apps import apps
from pluggy import PluginValidationError
from wagtail import blocks
from wagtail.models import Page

from csti_cms import __version__
from csti_cms.blocks import reserved_ids, slot_registry

from .errors import PluginError
from .extension_points import ExtensionPoints, plugin_manager


def plugins():
    """The app configs of every installed plugin."""
    from .config import PluginConfig

    return [config for config in apps.get_app_configs() if isinstance(config, PluginConfig)]


def get_plugin(label):
    from .config import PluginConfig

    try:
        config = apps.get_app_config(label)
    except LookupError:
        return None
    return config if isinstance(config, PluginConfig) else None


def register_plugin(config):
    _check_compatibility(config)
    _check_page_types(config)
    _reserve_template_ids(config)
    _register_slot_blocks(config.label, config.resource("slot_blocks") or {})
    hooks = config.resource("hooks_module")
    if hooks is not None and not plugin_manager.is_registered(hooks):
        _register_extension_points(config.label, hooks)


def _register_extension_points(label, hooks):
    """Register the ``hooks`` module of plugin ``label`` with the extension point manager.

    Each implementation is checked first, so that a mistake stops start-up with a
    message naming the plugin, the extension point and the fix, not with pluggy's
    own error; pluggy's validation stays as the last word.
    """
    for hook_name, function in _implementations(hooks):
        _check_implementation(label, hook_name, function)
    try:
        plugin_manager.register(hooks, name=label)
        plugin_manager.check_pending()
    except PluginValidationError as error:
        if plugin_manager.is_registered(hooks):
            plugin_manager.unregister(hooks)
        raise PluginError(
            label,
            f"has an extension point implementation that cannot be registered ({error})",
            "compare it with its specification in csti_cms.plugins.extension_points",
        ) from None


def _implementations(hooks):
    """``(extension point name, function)`` of each ``@hookimpl`` in the module."""
    found = []
    for attribute in dir(hooks):
        options = plugin_manager.parse_hookimpl_opts(hooks, attribute)
        if options is not None:
            found.append((options.get("specname") or attribute, getattr(hooks, attribute)))
    return found


def _check_implementation(label, hook_name, function):
    known = sorted(name for name in vars(ExtensionPoints) if not name.startswith("_"))
    if hook_name not in known:
        raise PluginError(
            label,
            f"implements {hook_name}, which is not an extension point",
            f"rename it to one of {', '.join(known)}, or remove its @hookimpl",
        )
    accepted = getattr(plugin_manager.hook, hook_name).spec.argnames
    unknown = [name for name in _required_arguments(function) if name not in accepted]
    if unknown:
        raise PluginError(
            label,
            f"implements the extension point {hook_name} with the unknown argument(s) "
            f"{', '.join(unknown)}",
            f"take only arguments named as in {hook_name}({', '.join(accepted)}), "
            "all of them or fewer",
        )


def _required_arguments(function):
    """The arguments pluggy passes by name: positional ones without a default."""
    return [
        parameter.name
        for parameter in inspect.signature(function).parameters.values()
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
        and parameter.default is parameter.empty
    ]


def _check_compatibility(config):
    """Refuse a plugin made for another csti-cms, however it joined ``INSTALLED_APPS``.

    :func:`discover_plugins` checks the plugins it finds, but a site may also list a
    plugin's app config in ``INSTALLED_APPS`` itself; this check reaches both, with
    the same message.
    """
    config.check_metadata(__version__)


def _check_page_types(config):
    from .pages import PluginPageMixin

    for model in config.get_models():
        if issubclass(model, Page) and not _guarded(model, PluginPageMixin):
            raise PluginError(
                config.label,
                f"defines the page type {model.__name__} without csti_cms.plugins.PluginPageMixin "
                "first in its bases",
                f"declare it as `class {model.__name__}(PluginPageMixin, BasePage)` so it "
                "follows the plugin's per-site switch",
            )


def _guarded(model, mixin):
    """The mixin must come before Page in the bases, or its guards are never reached."""
    mro = model.__mro__
    return mixin in mro and mro.index(mixin) < mro.index(Page)


def _reserve_template_ids(config):
    """Keep headings' anchors off the ids the plugin's templates use, once checked."""
    for name in ("reserved_ids", "reserved_id_patterns"):
        if isinstance(getattr(config, name), str):
            raise PluginError(
                config.label,
                f"declares {name} as one string",
                f"give a collection of them, as in {name} = ({getattr(config, name)!r},)",
            )
    for pattern in config.reserved_id_patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise PluginError(
                config.label,
                f"declares the id pattern {pattern!r}, which is not a regular expression ({error})",
                "correct it in reserved_id_patterns",
            ) from None
    reserved_ids.reserve(config.label, config.reserved_ids, config.reserved_id_patterns)


def _register_slot_blocks(label, slot_blocks):
    """Add the blocks of plugin ``label`` to core slots, ``{slot: [(name, block), ...]}``.

    All are checked before any is added, so a refused plugin leaves no block behind.
    """
    for slot, entries in slot_blocks.items():
        names = [name for name, _block in entries]
        for name, block in entries:
            _check_slot_block(label, slot, name, block, names)
    for slot, entries in slot_blocks.items():
        for name, block in entries:
            slot_registry.register(slot, name, block, owner=label)


def _check_slot_block(label, slot, name, block, names):
    """A block must be a prefixed, unique name bound to a Wagtail block instance."""
    where = f"the block {name!r} in slot {slot!r}"
    if not name.startswith(f"{label}_"):
        raise PluginError(
            label,
            f"registers {where}",
            f"prefix block names with the plugin label: {label}_{name}",
        )
    if isinstance(block, type) and issubclass(block, blocks.Block):
        raise PluginError(
            label,
            f"registers the class {block.__name__}, not an instance of it, as {where}",
            f"register an instance: ({name!r}, {block.__name__}())",
        )
    if not isinstance(block, blocks.Block):
        raise PluginError(
            label,
            f"registers {block!r} as {where}, which is not a Wagtail block",
            f"register a block instance: ({name!r}, MyBlock())",
        )
    if names.count(name) > 1:
        raise PluginError(label, f"registers {where} twice", "give each block its own name")
    owner = slot_registry.owner_of(slot, name)
    if owner not in (None, label):
        raise PluginError(
            label,
            f"registers {where}, which the plugin {owner!r} registered first",
            f"give it another name starting with {label}_",
        )
