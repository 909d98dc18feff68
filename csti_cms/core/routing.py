"""Finding the page a URL names with one query, however deep it lies.

Wagtail routes a URL one level at a time: a query for each child and another for its
specific type, so a school activity five levels down costs eight queries before it renders.
Every page's ``url_path`` already spells its whole address, so the pages a URL passes
through are read together and only the page that answers is loaded as its specific type.

Page types that route on their own keep their say, as with Wagtail's own routing: the rest
of the URL is handed to the first page on the way whose type claims it (a routable page
whose sub-routes match, a plugin page that answers 404 where its plugin is off).

The pages passed on the way are kept on the page that answers: breadcrumbs and the check of
view restrictions read them instead of querying the ancestors again.
"""

from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from csti_cms.core.caching import cached
from csti_cms.core.routes import resolve_route

#: The deepest a page can lie: the tree's paths hold so many steps. A URL with more
#: components names no page below that; the rest is for a page that routes on its own.
MAX_DEPTH = Page._meta.get_field("path").max_length // Page.steplen

#: Where the routed page keeps the pages above it, from the site's home down.
ANCESTORS_ATTRIBUTE = "_csti_route_ancestors"


def route_for_request(request, path, plain_route):
    """Find the page (with its route arguments) that ``path`` names on the request's site.

    Does what Wagtail's ``Page.route_for_request`` does, from the site's home in the
    active language (cached), and keeps the result where Wagtail looks for it first, so
    Wagtail's page view and helpers use it. ``None`` when nothing answers.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = _route(request, path, plain_route)
    return request._wagtail_route_for_request


def site_home(request):
    """The home page of the request's site in the active language, or ``None``.

    A language in which the site has no home at all falls back to the site's root page,
    as with Wagtail: a centre may publish in one language only. A language whose home
    exists but is not live (unpublished, or a translation not yet published) has no
    site: its address answers 404 rather than the root's pages under its prefix.
    """
    homes = request.__dict__.setdefault("_csti_site_homes", {})
    language = get_language()
    if language not in homes:
        site = Site.find_for_request(request)
        homes[language] = None if site is None else _live_home(site, language)
    return homes[language]


def _live_home(site, language):
    def read():
        home = site.root_page.localized_draft
        return home if home.live else None

    return cached(f"site-home:{site.pk}:{language}", read)


def _route(request, path, plain_route):
    home = site_home(request)
    if home is None:
        return None
    path_components = [component for component in path.split("/") if component]
    try:
        # A home whose page type is gone routes as a plain page, as with Wagtail.
        home_route = getattr(home.specific_class, "route", Page.route)
        if path_components and home_route in (plain_route, Page.route):
            return route_below(_site_top(home), request, path_components, plain_route)
        return _site_top(home.specific).route(request, path_components)
    except Http404:
        return None


def _site_top(home):
    """``home``, marked as the top of its site: nothing above it is a page of the site,
    even where a network files its centres' homes below a folder of the tree."""
    setattr(home, ANCESTORS_ATTRIBUTE, [])
    return home


def route_below(page, request, path_components, plain_route):
    """Route ``path_components`` below ``page``, a page whose type routes the plain way.

    ``plain_route`` is the routing a page type gets when it has no routing of its own
    (Wagtail's ``Page.route``); a page reached here is routed on with it or with its type's own.
    """
    steps = pages_along(page, path_components)
    above = pages_from_home(page)
    for index, step in enumerate(steps):
        remaining = path_components[index + 1 :]
        if remaining and not claims(step.specific_class, remaining, plain_route):
            continue
        if step.specific_class is None:
            raise Http404("The type of this page is no longer installed.")
        specific = specific_with_locale(step)
        specific._cached_parent_obj = steps[index - 1] if index else page
        if above is not None:
            setattr(specific, ANCESTORS_ATTRIBUTE, [*above, *steps[:index]])
        return specific.route(request, remaining)
    raise Http404


def specific_with_locale(page):
    """``page`` as its specific type, with its locale (listings and forms read it)."""
    page_class = page.specific_class
    if page_class is None:
        return page
    return page_class.objects.select_related("locale").get(pk=page.pk)


def pages_from_home(page):
    """``page`` and the pages above it from the site's home down, or ``None`` if unknown.

    Most sites' homes sit right under the tree root (depth 2); routing marks the others,
    and knows the pages below them.
    """
    if page.depth == 2:
        return [page]
    known = getattr(page, ANCESTORS_ATTRIBUTE, None)
    return None if known is None else [*known, page]


def pages_along(page, path_components):
    """The pages below ``page`` that ``path_components`` pass through, from the top.

    Stops at the first component with no page, and at the tree's greatest depth: the
    rest is for a page type that routes on its own, or nothing. A made-up URL of
    thousands of components costs no more than a deep real one.
    """
    addresses = []
    address = page.url_path
    for component in path_components[: MAX_DEPTH - page.depth]:
        address += f"{component}/"
        addresses.append(address)
    found = {
        step.url_path: step
        for step in Page.objects.filter(
            url_path__in=addresses, path__startswith=page.path, depth__gt=page.depth
        )
    }
    steps = []
    for depth, address in enumerate(addresses, start=page.depth + 1):
        step = found.get(address)
        if step is None or step.depth != depth:
            break
        steps.append(step)
    return steps


def claims(page_class, remaining, plain_route):
    """Whether pages of ``page_class`` route ``remaining`` themselves rather than a child.

    A routable page claims the paths its sub-routes match; any other routing of its own
    (a plugin's switch, say) sees every path below its pages.
    """
    if page_class is None:
        return False
    own_route = page_class.route
    if own_route in (plain_route, Page.route):
        return False
    if own_route is RoutablePageMixin.route:
        try:
            resolve_route(page_class, "/" + "/".join(remaining) + "/", get_language())
        except Resolver404:
            return False
    return True


def route_ancestors(page):
    """The pages above ``page`` from the site's home down, when routing found them."""
    return getattr(page, ANCESTORS_ATTRIBUTE, None)
