"""The site's main navigation, in the visitor's language."""

from django.utils.translation import get_language
from wagtail.models import Page, Site


def localized_site_root(request):
    """The home page of the request's site in the active language, cached per request."""
    if not hasattr(request, "_csti_site_root"):
        site = Site.find_for_request(request)
        root = None
        if site is not None:
            language = get_language()
            root = (
                Page.objects.filter(
                    translation_key=site.root_page.translation_key,
                    locale__language_code=language,
                )
                .live()
                .first()
            ) or site.root_page
        request._csti_site_root = root
    return request._csti_site_root


def main_menu(request):
    """Pages chosen for the menu ("show in menus") directly under the localized home."""
    if not hasattr(request, "_csti_main_menu"):
        root = localized_site_root(request)
        request._csti_main_menu = (
            list(
                root.get_children()
                .live()
                .public()
                .in_menu()
                .only("id", "title", "url_path", "path", "depth")
            )
            if root is not None
            else []
        )
    return request._csti_main_menu
