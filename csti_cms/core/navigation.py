"""The site's main navigation, in the visitor's language."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from wagtail.models import Page, Site

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


def linkable_parent(request, page):
    """The page above ``page`` when visitors can open it on this site, else ``None``.

    Events, exhibitions, school activities and venue spaces link back to the listing they
    sit in. An editor may unpublish the listing and leave its pages online, or a plugin
    may be off for the site: the link would then lead to a 404, so pages leave it out.
    Unlike a hub's listing this needs no ``public()``: a view restriction of the listing
    covers ``page`` too, so a visitor who sees ``page`` may open its listing. The answer is
    read once per publication, as the menus are.
    """
    parent = page.get_parent()
    if parent is None:
        return None
    site = Site.find_for_request(request)
    key = f"linkable-page:{site.pk if site else ''}:{parent.pk}"
    visible = cached(key, lambda: _is_live_on_site(request, parent))
    return parent if visible else None


def _is_live_on_site(request, page):
    pages = Page.objects.live().filter(pk=page.pk)
    return public_pages(pages, request).exists()
