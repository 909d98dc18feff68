"""Views of the public site: pages (through Wagtail), search and robots.txt."""

import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from csti_cms.core.hooks import public_pages
from csti_cms.core.i18n import keep_on_language_switch, show_query, site_homes
from csti_cms.core.icons import site_icon_urls
from csti_cms.core.log_format import logged_elsewhere
from csti_cms.core.models import BasePage
from csti_cms.core.models.hubs import listing_notices
from csti_cms.core.models.pages import over_page_ids
from csti_cms.core.navigation import localized_site_root
from csti_cms.core.routing import route_for_request
from csti_cms.core.search_server import (
    SEARCH_BACKEND_ERRORS,
    outage_of,
    search_error_text,  # noqa: F401 - the checks import it
    server_address,
)
from csti_cms.core.search_words import title_prefixes

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
#: The most pages whose title words start with the visitor's words are added after the
#: matches of a search that found less than a page of them (see :func:`matching_pages`).
MAX_PREFIX_MATCHES = 50


def search_terms(raw):
    """What a visitor typed, as words the search backends take without tripping.

    Control characters (PostgreSQL refuses NUL in text) and double quotes (SQLite's
    full-text syntax takes one as an unfinished phrase) carry no meaning in a plain
    search, so they are dropped rather than answered with an error.
    """
    kept = "".join(
        " " if char == '"' or unicodedata.category(char) == "Cc" else char for char in raw
    )
    return whole_words(" ".join(kept.split()), MAX_QUERY_LENGTH)


def whole_words(words, limit):
    """``words`` cut to at most ``limit`` characters after a whole word.

    A word cut in the middle would be searched for as another word ("musée" as "mus").
    A single word longer than the limit is no word anyone types: it is cut where it must.
    """
    if len(words) <= limit:
        return words
    head = words[: limit + 1]
    return head.rsplit(" ", 1)[0] if " " in head else words[:limit]


def serve_page(request, path):
    """Wagtail's page view, after csti-cms's routing found the page in one query.

    Wagtail's view then runs as usual (its hooks, view restrictions, the page's own
    ``serve``), reading the route found here (:mod:`csti_cms.core.routing`).
    """
    route_for_request(request, path, BasePage.route)
    return wagtail_views.serve(request, path)


@require_safe
def search(request):
    """Search the pages of this site in the visitor's language.

    Each language has its own page tree, so searching under the localized home
    page keeps results in the visitor's language and on this site. When the search
    server cannot answer, the page says so with status 503 ("try again later") and
    the rest of the site is unaffected. The outage is logged once, with its cause
    (:mod:`csti_cms.core.search_server`), rather than by Django for each search.

    The query reaches the template as ``search_query``: other views put their own
    filters in a ``query`` of theirs, which the header's search box must not show.
    """
    root = localized_site_root(request)
    if root is None:
        raise Http404("This site has no pages in this language.")
    query = search_terms(request.GET.get("q", ""))
    show_query(request, q=query)
    try:
        paginator, page_of_results = find_pages(request, root, query)
    except SEARCH_BACKEND_ERRORS:
        response = TemplateResponse(
            request,
            "csti_core/search.html",
            {"search_query": query, "unavailable": True},
            status=503,
        )
        logged_elsewhere(response)
        return response
    return TemplateResponse(
        request,
        "csti_core/search.html",
        {
            "search_query": query,
            "results": page_of_results,
            "paginator": paginator,
            "listed_results": with_notices(page_of_results.object_list),
            # Events and exhibitions that are over are marked so.
            "over_ids": over_page_ids(page_of_results.object_list),
        },
    )


def with_notices(results):
    """``(page, notice)`` for each of ``results``: a postponed event is marked as hubs mark
    it, or a visitor would plan on the date its page shows (:func:`listing_notices`)."""
    notices = listing_notices(results)
    return [(page, notices.get(page.pk, "")) for page in results]


def find_pages(request, root, query):
    """``(paginator, page of results)`` of the public pages under ``root`` matching ``query``.

    The results are read here, not while the template renders, so that a search server
    that cannot answer is noticed while the view can still answer the visitor. Only a
    query asks the server, and not while it is left alone after a failure.
    """
    if not query:
        return page_of(request, Page.objects.none())
    pages = Page.objects.live().public().descendant_of(root, inclusive=True)
    with outage_of(search_server_address()).asking():
        return page_of(request, matching_pages(public_pages(pages, request), query))


def matching_pages(pages, query):
    """The ``pages`` holding every word of ``query``, then, when they fill less than a page
    of results, those whose title has words starting with the visitor's.

    The database backends do not stem words in one index for three languages (PostgreSQL
    reads pages with the ``simple`` configuration, SQLite has no stemming): "exposition"
    would miss "Expositions", "engrenage" miss "Engrenages et machines". Prefix matching
    on titles finds the plural from the singular, and the singular from a plural read as
    its singular (:func:`~csti_cms.core.search_words.title_prefixes`: "musees" finds
    "Musée"). Prefixes ignore accents as words do (:mod:`csti_cms.core.search_database`).
    It only fills a short list, so a search that found enough stays as precise as it was,
    and it adds at most :data:`MAX_PREFIX_MATCHES` pages, in one more query.
    """
    found = pages.search(query, operator="and")
    if found.count() >= RESULTS_PER_PAGE:
        return found
    exact = list(found)
    shown = {match.pk for match in exact}
    prefixed = pages.autocomplete(title_prefixes(query), operator="and")[:MAX_PREFIX_MATCHES]
    return exact + [match for match in prefixed if match.pk not in shown]


def page_of(request, results):
    """``(paginator, page of results)`` for the page number the visitor asked for, read."""
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_of_results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_of_results = paginator.page(1)
    except EmptyPage:
        page_of_results = paginator.page(paginator.num_pages)
    page_of_results.object_list = list(page_of_results.object_list)
    return paginator, page_of_results


def search_server_address(alias="default"):
    """Where the search backend ``alias`` is served, for operators' logs and checks.

    The database backend has no server of its own.
    """
    client = getattr(get_search_backend(alias), "es", None)
    if client is None:
        return "the database"
    return server_address(client)


class PrivatePageLogin(LoginView):
    """The login form of private pages (``WAGTAIL_FRONTEND_LOGIN_TEMPLATE``).

    Its language switcher carries ``next``: a visitor who reads the form in another
    language still goes on to the page they asked for once logged in, not to the home
    page. The address was checked as Django checks it after the login (same host).
    """

    template_name = settings.WAGTAIL_FRONTEND_LOGIN_TEMPLATE

    def get_context_data(self, **kwargs):
        keep_on_language_switch(self.request, next=self.get_redirect_url())
        return super().get_context_data(**kwargs)

    def get_success_url(self):
        """The page asked for, in the language the visitor logged in in: one who switched
        the form to Dutch goes on to the Dutch version of the French page asked for."""
        url = super().get_success_url()
        return page_in_current_language(self.request, url) or url


def page_in_current_language(request, url):
    """The address of the live translation, in the active language, of the page of this
    site at ``url`` (a path, as ``next`` gives it), or ``None``.

    Found by its path under the site's home in each language: a page's address is its
    home's followed by the slugs below it.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.query:
        return None
    for home in site_homes(request).values():
        home_url = home.get_url(request)
        if home_url and parts.path.startswith(home_url):
            url_path = home.url_path + parts.path[len(home_url) :]
            asked = Page.objects.live().filter(url_path=url_path).first()
            translation = asked and asked.get_translation_or_none(Locale.get_active())
            return translation.get_url(request) if translation and translation.live else None
    return None


@require_safe
@cache_control(max_age=3600, public=True)
def favicon(request):
    """``/favicon.ico``: the site's icon, for clients that do not read the page's ``<link>``."""
    icon, _touch_icon = site_icon_urls(request)
    return HttpResponseRedirect(icon)


# Exempt from CSRF: a POST, which it does not read, gets its 405 rather than a 403.
@csrf_exempt
@require_safe
def robots_txt(request):
    """Crawlers kept out of the admin only, and sent to the sitemap.

    Search results are not disallowed: their pages say ``noindex``, which a crawler reads
    only on a page it may fetch. Disallowed, a results address linked from elsewhere was
    still indexed, by its address alone, and the ``noindex`` never seen.
    """
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
