"""The page-type side of the plugin contract."""

from django.http import Http404
from wagtail.models import Site

from .state import is_enabled


class PluginPageMixin:
    """Makes a plugin's page type follow the plugin's per-site switch.

    Where the plugin is off, the page type cannot be created and its pages (with
    their routable sub-pages and feeds) answer 404. Put it first in the bases:
    ``class DeclarationPage(PluginPageMixin, BasePage)``.
    """

    @classmethod
    def plugin_label(cls):
        return cls._meta.app_config.label

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and is_enabled(cls.plugin_label(), parent.get_site())

    def route(self, request, path_components):
        if not is_enabled(self.plugin_label(), Site.find_for_request(request)):
            raise Http404
        return super().route(request, path_components)
