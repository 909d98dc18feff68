"""The site's main navigation, in the visitor's language."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from wagtail.models import Site

from csti_cms.core.audiences import Audience
from csti_cms.core.caching import cached
from csti_cms.core.hooks import public_pages
from csti_cms.core.models import AudienceHubPage
from csti_cms.core.routing import site_home

#: What a navigation link needs of a page.
LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "translation_key")


def localized_site_root(request):
    """The home page of the request's site in the active language.

    The site's root page when that language has no home at all; ``None`` when its home
    is not live (see :func:`csti_cms.core.routing.site_home`).
    """
    return site_home(request)


def _header_pages(request):
    """The localized home's children the header links to, read once per publication.

    Menu pages ("show in menus") and audience hubs come together; each page has
    ``hub_audience``, the audience of a hub or ``None``.
    """
    if not hasattr(request, "_csti_header_pages"):
        root = localized_site_root(request)
        if root is None:
            request._csti_header_pages = []
        else:
            site = Site.find_for_request(request)
            request._csti_header_pages = cached(
                f"header-pages:{site.pk}:{root.pk}", lambda: _read_header_pages(request, root)
            )
    return request._csti_header_pages


def _read_header_pages(request, root):
    hub_type = ContentType.objects.get_for_model(AudienceHubPage)
    pages = root.get_children().live()
    pages = pages.filter(Q(show_in_menus=True) | Q(content_type=hub_type))
    pages = public_pages(pages, request).annotate(hub_audience=F("audiencehubpage__audience"))
    return list(pages.only(*LINK_FIELDS))


def main_menu(request):
    """Pages chosen for the menu ("show in menus") directly under the localized home.

    Audience hubs are left out: they have their own place (:func:`audience_hubs`).
    """
    return [page for page in _header_pages(request) if page.hub_audience is None]


def audience_hubs(request):
    """The live audience hubs under the localized home, in the order of ``Audience``.

    They are the entry points of the audiences' paths, shown on every page. A
    second hub for the same audience is ignored.
    """
    hubs = {}
    for page in _header_pages(request):
        if page.hub_audience is not None:
            hubs.setdefault(page.hub_audience, page)
    return [hubs[audience] for audience in Audience.values if audience in hubs]
