"""Admin submenus that follow a plugin's switch.

The framework hides a switched-off plugin's top-level menu items by their URL. A submenu
(a ``SnippetViewSetGroup``, say) has no URL of its own, so its item asks the switch itself.
"""

from django.apps import apps
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.models import Site

from .state import is_enabled


class PluginSubmenuMenuItem(SubmenuMenuItem):
    """A submenu shown only on sites where the plugin ``plugin_label`` is on."""

    def __init__(self, *args, plugin_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.plugin_label = plugin_label

    def is_shown(self, request):
        site = Site.find_for_request(request)
        return is_enabled(self.plugin_label, site) and super().is_shown(request)


class PluginViewSetGroupMixin:
    """Put first in the bases of a plugin's ``ViewSetGroup`` (``SnippetViewSetGroup``...).

    Its submenu is then left out of the admin menu wherever the plugin is off. The plugin
    is the app the group is defined in.
    """

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        return PluginSubmenuMenuItem(
            label=item.label,
            menu=item.menu,
            name=item.name,
            icon_name=item.icon_name,
            order=item.order,
            plugin_label=apps.get_containing_app_config(type(self).__module__).label,
        )
