"""The site's main navigation, in the visitor's language."""

from django.utils.translation import get_language
from wagtail.models import Site

from csti_cms.core.hooks import public_pages
from csti_cms.core.i18n import site_homes


def localized_site_root(request):
    """The home page of the request's site in the active language.

    Falls back to the site's root page when that language has no live home.
    """
    homes = site_homes(request)
    if get_language() in homes:
        return homes[get_language()]
    site = Site.find_for_request(request)
    return site.root_page if site is not None else None


def main_menu(request):
    """Pages chosen for the menu ("show in menus") directly under the localized home."""
    if not hasattr(request, "_csti_main_menu"):
        root = localized_site_root(request)
        if root is None:
            request._csti_main_menu = []
        else:
            pages = root.get_children().live().in_menu()
            pages = public_pages(pages, request)
            request._csti_main_menu = list(
                pages.only("id", "title", "url_path", "path", "depth", "translation_key")
            )
    return request._csti_main_menu
