"""What the framework does with each plugin when Django has loaded it."""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from pluggy import PluginValidationError
from wagtail.models import Page

from csti_cms.blocks import slot_registry

from .errors import PluginError
from .extension_points import plugin_manager


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


def plugin_of_model(model):
    """The plugin label owning ``model``, or None for core and third-party models."""
    config = get_plugin(model._meta.app_label)
    return config.label if config else None


def register_plugin(config):
    _check_page_types(config)
    _register_slot_blocks(config)
    hooks = config.resource("hooks_module")
    if hooks is not None and not plugin_manager.is_registered(hooks):
        plugin_manager.register(hooks, name=config.label)
        try:
            plugin_manager.check_pending()
        except PluginValidationError as error:
            plugin_manager.unregister(hooks)
            raise PluginError(
                config.label,
                f"implements an unknown extension point ({error})",
                "check the name against csti_cms.plugins.extension_points",
            ) from None


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


def _register_slot_blocks(config):
    slot_blocks = config.resource("slot_blocks") or {}
    for slot, entries in slot_blocks.items():
        for name, block in entries:
            if not name.startswith(f"{config.label}_"):
                raise PluginError(
                    config.label,
                    f"registers the block {name!r} in slot {slot!r}",
                    f"prefix block names with the plugin label: {config.label}_{name}",
                )
            try:
                slot_registry.register(slot, name, block, owner=config.label)
            except (TypeError, ValueError) as error:
                raise ImproperlyConfigured(str(error)) from None
