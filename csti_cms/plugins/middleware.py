"""Plugin views answer 404 on sites where their plugin is switched off."""

from django.http import Http404
from wagtail.models import Site

from .ownership import plugin_of_view
from .state import is_enabled


class PluginSiteMiddleware:
    """Guards every view that belongs to a plugin: public URLs, feeds and admin views.

    Page types are guarded by :class:`~csti_cms.plugins.PluginPageMixin`; this
    covers the plugin's own URLs and its admin screens (snippets, viewsets),
    decided by the site the request is addressed to.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        label = plugin_of_view(view_func)
        if label is not None and not is_enabled(label, Site.find_for_request(request)):
            raise Http404
        return None
