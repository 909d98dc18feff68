"""How the framework plugs into the core and the Wagtail admin."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, Site

from csti_cms.blocks import BLOCK_AVAILABLE_HOOK
from csti_cms.core.hooks import (
    FILTER_PUBLIC_PAGES,
    FOOTER_LINKS,
    ORGANIZATION_JSONLD,
    PAGE_HEAD,
)

from . import extension_points, views
from .ownership import plugin_of_url
from .pages import PluginPageMixin
from .registration import get_plugin, plugins
from .rich_text import PublicPageLinkHandler
from .state import SWITCH_ACTIONS, enabled_labels, is_enabled


def _plugin_page_models(labels=None):
    return [
        model
        for config in plugins()
        if labels is None or config.label in labels
        for model in config.get_models()
        if issubclass(model, Page)
    ]


@hooks.register(FILTER_PUBLIC_PAGES)
def hide_pages_of_disabled_plugins(queryset, request):
    site = Site.find_for_request(request)
    enabled = enabled_labels(site)
    disabled = {config.label for config in plugins()} - enabled
    models = _plugin_page_models(disabled)
    if not models:
        return queryset
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    return queryset.exclude(content_type__in=list(content_types.values()))


# After Wagtail's own features (order 0), so this handler replaces its page link handler.
@hooks.register("register_rich_text_features", order=1)
def register_public_page_links(features):
    features.register_link_type(PublicPageLinkHandler)


@hooks.register(BLOCK_AVAILABLE_HOOK)
def block_follows_its_plugin(block_name, owner, site):
    return get_plugin(owner) is None or is_enabled(owner, site)


@hooks.register(PAGE_HEAD)
def plugin_page_head(request, page):
    fragments = extension_points.call(
        "csti_page_head", Site.find_for_request(request), request=request, page=page
    )
    return mark_safe("\n".join(fragments))  # noqa: S308 - plugins return safe HTML by contract


@hooks.register(FOOTER_LINKS)
def plugin_footer_links(request):
    site = Site.find_for_request(request)
    results = extension_points.call("csti_footer_links", site, request=request)
    return [link for links in results for link in links]


@hooks.register(ORGANIZATION_JSONLD)
def plugin_organization_data(site, request):
    merged = {}
    for extension in extension_points.call(
        "csti_organization_jsonld", site, site=site, request=request
    ):
        for key, value in extension.items():
            merged[key] = merged.get(key, []) + value if isinstance(value, list) else value
    return merged


def _hide_disabled_plugin_items(request, menu_items):
    site = Site.find_for_request(request)
    menu_items[:] = [
        item
        for item in menu_items
        if (label := plugin_of_url(getattr(item, "url", "") or "")) is None
        or is_enabled(label, site)
    ]


hooks.register("construct_main_menu", _hide_disabled_plugin_items)
hooks.register("construct_settings_menu", _hide_disabled_plugin_items)


@hooks.register("before_edit_page")
def warn_page_of_disabled_plugin(request, page):
    """Tell an editor why a page they can edit answers 404 to visitors.

    Switching a plugin off hides its pages but keeps them editable, so without this
    an editor sees a live page that nobody can visit. Only on opening the editor:
    after a save, the redirect shows the editor again.
    """
    page_type = page.specific_class
    if request.method != "GET" or not issubclass(page_type or Page, PluginPageMixin):
        return
    site = page.get_site()
    label = page_type.plugin_label()
    if site is None or is_enabled(label, site):
        return
    messages.warning(
        request,
        gettext(
            "The “%(plugin)s” plugin is switched off for %(site)s, so visitors do not see "
            "this page. An administrator can switch it on in Settings > Plugins."
        )
        % {"plugin": get_plugin(label).verbose_name, "site": site.site_name or site.hostname},
    )


class PluginSwitchFormatter(LogFormatter):
    """A switch in the history, read in the reader's language.

    The plugin is named as its config names it now, or by its label once it is
    uninstalled; the site as it was named when the switch was made.
    """

    def format_message(self, log_entry):
        label = log_entry.data["plugin"]
        config = get_plugin(label)
        return self.message % {
            "plugin": config.verbose_name if config else label,
            "site": log_entry.data["site"],
        }


class PluginSwitchedOn(PluginSwitchFormatter):
    label = _("Switch plugin on")
    message = _("Switched the “%(plugin)s” plugin on for %(site)s")


class PluginSwitchedOff(PluginSwitchFormatter):
    label = _("Switch plugin off")
    message = _("Switched the “%(plugin)s” plugin off for %(site)s")


@hooks.register("register_log_actions")
def register_plugin_switch_actions(actions):
    actions.register_action(SWITCH_ACTIONS[True])(PluginSwitchedOn)
    actions.register_action(SWITCH_ACTIONS[False])(PluginSwitchedOff)


@hooks.register("register_permissions")
def offer_reading_plugin_switches():
    """Let groups be given the history of plugin switches, and nothing more.

    Wagtail shows a history entry to the users with a permission on its model;
    switching stays with superusers.
    """
    return Permission.objects.filter(
        content_type__app_label="csti_plugins", codename="view_siteplugin"
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("plugins/", views.site_plugins, name="csti_plugins"),
        path("plugins/<int:site_id>/<str:label>/", views.switch_plugin, name="csti_plugins_switch"),
    ]


class PluginsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_plugins_menu_item():
    return PluginsMenuItem(_("Plugins"), reverse("csti_plugins"), icon_name="cogs", order=900)
