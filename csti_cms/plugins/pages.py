"""The page-type side of the plugin contract."""

from django.http import Http404
from django.utils import translation
from wagtail.models import Site
from wagtail.users.models import UserProfile

from .registration import get_plugin
from .state import is_enabled

#: The context variable base.html reads to put the notice at the top of ``<main>``.
SWITCHED_OFF_NOTICE = "plugin_switched_off"


class PluginPageMixin:
    """Makes a plugin's page type follow the plugin's per-site switch.

    Where the plugin is off, the page type cannot be created and its pages (with
    their routable sub-pages and feeds) answer 404. Put it first in the bases:
    ``class DeclarationPage(PluginPageMixin, BasePage)``.

    Their preview still shows the page, as editors keep working on it, but with a
    notice at the top of ``<main>`` in the editor's language: "Visitors do not see this
    page". Otherwise the preview would look like a page visitors can open. The
    notice is added to the context of the response ``serve_preview`` returns (a
    ``TemplateResponse``, as Wagtail's and ``RoutablePageMixin``'s are), so it reaches
    every template extending ``base.html`` with nothing to do in the plugin.
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

    def serve_preview(self, request, mode_name):
        response = super().serve_preview(request, mode_name)
        if getattr(response, "context_data", None) is not None and not response.is_rendered:
            notice = self.switched_off_notice(request)
            if notice is not None:
                response.context_data[SWITCHED_OFF_NOTICE] = notice
        return response

    def switched_off_notice(self, request):
        """What the preview tells the editor when visitors of the page's site get a 404.

        ``None`` where the plugin is on. The page is rendered in its own language; the
        notice is for the editor, so it is written in the language they read the admin in.
        """
        label = self.plugin_label()
        site = self.get_site()
        if site is None or is_enabled(label, site):
            return None
        return {
            "plugin": get_plugin(label).verbose_name,
            "language": editor_language(request),
        }


def editor_language(request):
    """The language the user behind ``request`` reads the admin in, as Wagtail's userbar
    finds it; the active language for a request without one."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return translation.get_language()
    return UserProfile.get_for_user(user).get_preferred_language()
