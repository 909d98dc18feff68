"""Middleware of the core: what every request needs before a view runs."""

import re
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, get_resolver, get_script_prefix
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Site

from .caching import cached
from .i18n import live_homes

# How well a site matches a request's host, best first: Wagtail's own order.
_HOSTNAME_AND_PORT, _HOSTNAME_AND_DEFAULT, _DEFAULT, _HOSTNAME = range(4)


def site_for_host(sites, hostname, port):
    """The site among ``sites`` that Wagtail's ``Site.find_for_request`` would choose.

    The same rules as ``wagtail.models.sites.get_site_for_hostname``, applied to a
    list instead of a query; a test holds the two to the same answers.
    """

    def match(site):
        if site.hostname == hostname:
            if site.port == port:
                return _HOSTNAME_AND_PORT
            if site.is_default_site:
                return _HOSTNAME_AND_DEFAULT
            return _HOSTNAME
        return _DEFAULT

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=match
    )
    if not candidates:
        return None
    best = match(candidates[0])
    if len(candidates) == 1 or best in (_HOSTNAME_AND_PORT, _HOSTNAME_AND_DEFAULT):
        return candidates[0]
    if best == _DEFAULT:
        # The default site, unless exactly one site has the host name (on another port).
        return candidates[len(candidates) == 2]
    return None


_current_request = ContextVar("csti_current_request", default=None)


def current_request():
    """The request being answered, ``None`` outside one (a command, a task).

    For the code Wagtail calls without the request although what it renders depends on
    the site: rich text link handlers, which must not link to a page the visitor's site
    does not show. Everything that is handed the request uses that one.
    """
    return _current_request.get()


class CachedSiteMiddleware:
    """Finds the site a request is addressed to without a query.

    Wagtail looks the site up with a query on every request, although sites change
    about never. The list of sites is cached instead (saving a site starts a new
    generation) and matched against the request's host here: one cache entry, whatever
    the ``Host`` headers requests make up. The request is also made known to code that is
    not handed it, through :func:`current_request`, until its response is ready.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sites = cached("sites", lambda: list(Site.objects.select_related("root_page")))
        # Wagtail reads the raw host too: ALLOWED_HOSTS is Django's check, made later.
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = site_for_host(sites, hostname, request.get_port())
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def live_languages(site):
    """The languages in which ``site`` has a live home, its own language first."""
    languages = dict(settings.LANGUAGES)
    return [code for code in live_homes(site) if code in languages]


def asked_languages(request):
    """The site languages a visitor asks for, best first: language cookie, then browser.

    The same sources, in the same order, as Django's choice of the visitor's language.
    """
    asked = [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")]
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        asked.append(code)
    for code in asked:
        try:
            yield translation.get_supported_language_variant(code)
        except LookupError:
            continue


def language_for_visitor(request):
    """The language to send a visitor of an address without one to, or ``None``.

    The visitor's preferred language among those the request's site has live, else
    the site's own language (or another live one): never a language whose home is
    unpublished, where every address answers 404.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    live = live_languages(site)
    preferred = (code for code in asked_languages(request) if code in live)
    return next(preferred, live[0] if live else None)


def outside_languages(request):
    """Whether the request's address belongs to a part of the site without languages.

    Those are the URL patterns outside ``i18n_patterns``: the admin, documents, the
    sitemap, ``robots.txt``. An address under one of them is never given a language.
    """
    resolver = get_resolver(getattr(request, "urlconf", None))
    path = request.path_info.lstrip("/")
    return any(
        not isinstance(pattern.pattern, LocalePrefixPattern) and pattern.pattern.match(path)
        for pattern in resolver.url_patterns
    )


#: The first part of an address that looks like a language code (``de``, ``pt-BR``,
#: ``zh-Hans``): two letters, then maybe a region or script of two to four.
LANGUAGE_CODE_PREFIX = re.compile(r"/([a-z]{2}(?:-[a-z]{2,4})?)(?=/|$)", re.IGNORECASE)


def language_code_prefix(path):
    """The first part of ``path`` when it looks like a language code, else ``None``."""
    match = LANGUAGE_CODE_PREFIX.match(path)
    return match.group(1) if match else None


def is_site_language_in_capitals(prefix):
    """Whether ``prefix`` is one of the site's languages spelled with capitals (``FR``)."""
    return (
        prefix is not None
        and prefix != prefix.lower()
        and prefix.lower() in dict(settings.LANGUAGES)
    )


class LiveLanguageLocaleMiddleware(LocaleMiddleware):
    """Django's ``LocaleMiddleware``, redirecting only to a language the site has live.

    An address without a language (``/``, an old link) is redirected to the visitor's
    language. Django picks it from the cookie or Accept-Language alone, although a centre
    may publish in fewer languages, or have unpublished one: the visitor would land on a
    404. Only the language of that redirect changes; pages keep the language of their URL.

    One of the site's languages in capitals (``/FR/agenda/``, typed from a printed leaflet)
    leads to its address in lower case for good, if the language is live, rather than to
    ``/fr/FR/agenda/``. Only on a 404: the pages that answer cost nothing more. Any other
    first part goes on to the visitor's language, even one that looks like a language code:
    ``/la-une/`` or ``/ia/`` may be an old link to a French page's slug.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and outside_languages(request):
            # The admin, documents or the sitemap said "not found" themselves: Django would
            # redirect to the same address under /fr/, a page that does not exist either.
            return response
        prefix = language_code_prefix(request.path_info) if response.status_code == 404 else None
        if is_site_language_in_capitals(prefix):
            return self.capitalised_language_response(request, response, prefix)
        language = self.redirect_language(request, response)
        if language is None or language == translation.get_language():
            return super().process_response(request, response)
        # A 404 that is not redirected after all keeps the language it was written in.
        response.headers.setdefault("Content-Language", translation.get_language())
        with translation.override(language):
            return super().process_response(request, response)

    def redirect_language(self, request, response):
        """The language for the redirect Django may make, ``None`` when it makes none."""
        if response.status_code != 404:
            return None
        if translation.get_language_from_path(request.path_info):
            return None
        return language_for_visitor(request)

    def capitalised_language_response(self, request, response, prefix):
        """The answer to ``response``, a 404, for an address under one of the site's
        languages spelled in capitals: the same address in lower case if the language is
        live, else the 404 (in the visitor's language, which it varies on)."""
        site = Site.find_for_request(request)
        if site is not None and prefix.lower() in live_languages(site):
            script_prefix = get_script_prefix()
            return HttpResponsePermanentRedirect(
                request.get_full_path().replace(
                    f"{script_prefix}{prefix}", f"{script_prefix}{prefix.lower()}", 1
                )
            )
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
