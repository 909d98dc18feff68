"""Whole public pages kept in a cache, so a busy day costs one rendering per page.

A page is the same for every visitor who is not signed in, yet rendering it costs tens
of milliseconds and a handful of queries. On a school-holiday morning or the opening
night of the Fête de la science, most requests ask for the same few pages. With
``CSTI_PAGE_CACHE_SECONDS`` above zero (the production default is 60), the answer to a
visitor is kept and handed to the next visitors who ask for the same address.

It never shows outdated content after an editor's change: entries are filed under the
cache generation of :mod:`csti_cms.core.caching`, which publishing, unpublishing, moving
a page, saving a setting or switching a plugin moves on, in whichever process (a web worker,
a cron job) and even while Redis is out of reach. What changes with the clock
alone (the "open now" status, events that have just begun) may lag by the lifetime of an
entry, hence a short one.

Only what is the same for everyone is kept: answers to ``GET`` requests that carry no
session or messages cookie (editors, visitors of a password-protected page, a visitor
shown a confirmation message), with status 200, that set no cookie, vary on no request
header and do not forbid caching. Forms set a CSRF cookie or vary on ``Cookie``, so they
are always rendered afresh. Browsers and proxies are told nothing new: the cache is the
server's own, and a change reaches visitors without waiting for their copies to expire.

A kept page is stored with its ``ETag``, computed once when it is kept: Django's
``ConditionalGetMiddleware``, above this one, answers a browser revalidating its copy
(``If-None-Match``) with a bodiless 304 without hashing the page again. A page rendered
afresh gets its ``ETag`` from that middleware; answers that forbid storing
(``no-store``: forms) get none, and a form's ``ETag`` would change at each rendering
anyway, with its CSRF token. A signed-in editor's page is rendered afresh and gets an
``ETag`` of its own body: the editor's browser alone holds that copy.
"""

from hashlib import sha256

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.utils.cache import cc_delim_re, set_response_etag

from .caching import generation

#: The cache alias holding pages, separate so pages cannot evict the site's own entries.
CACHE_ALIAS = "pages"

_UNSHAREABLE = {"private", "no-cache", "no-store"}


def page_cache_seconds():
    """How long a page is kept; 0 turns the page cache off."""
    return getattr(settings, "CSTI_PAGE_CACHE_SECONDS", 0)


def is_shareable_request(request):
    """Whether the answer to ``request`` can be the one every visitor gets."""
    if request.method != "GET":
        return False
    personal = {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}
    return personal.isdisjoint(request.COOKIES)


def is_shareable_response(response):
    """Whether ``response`` is the same for every visitor and may be kept."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Vary"):
        return False
    directives = dict(
        (name.strip().lower(), value.strip())
        for name, _, value in (
            part.partition("=") for part in cc_delim_re.split(response.get("Cache-Control", ""))
        )
    )
    return directives.keys().isdisjoint(_UNSHAREABLE) and directives.get("max-age") != "0"


def page_key(request, current_generation):
    """The cache key of the page at ``request``'s full address in ``current_generation``."""
    address = sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{current_generation}:{address}"


class PageCacheMiddleware:
    """Answers from the page cache when it can, and fills it when the answer may be shared.

    Put it early in ``MIDDLEWARE``, after the middleware that serves static files: a page
    from the cache skips the middleware below it, and the middleware above it still adds
    its headers (security headers, for example) to every answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        if seconds <= 0 or not is_shareable_request(request):
            return self.get_response(request)
        current_generation = generation()
        if current_generation is None:
            # The cache cannot keep anything at the moment (Redis is down).
            return self.get_response(request)
        cache = caches[CACHE_ALIAS]
        key = page_key(request, current_generation)
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if is_shareable_response(response):
                if not response.has_header("ETag"):
                    set_response_etag(response)
                cache.set(key, response, seconds)
        return response
