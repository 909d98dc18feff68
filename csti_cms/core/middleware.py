"""Middleware of the core: what every request needs before a view runs."""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from wagtail.models import Site

from .caching import cached


class CachedSiteMiddleware:
    """Finds the site a request is addressed to in the cache instead of the database.

    Wagtail looks the site up once per request (``Site.find_for_request``), a query on
    every page although sites change about never; saving one starts a new cache
    generation. Only hosts that ``ALLOWED_HOSTS`` accepts get an entry, so requests
    with made-up ``Host`` headers cannot fill the cache: they take Wagtail's own path,
    and Django refuses them anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            hostname = split_domain_port(request.get_host())[0]
        except DisallowedHost:
            pass
        else:
            port = request.get_port()
            request._wagtail_site = cached(
                f"site-for-host:{hostname}:{port}", lambda: Site._find_for_request(request)
            )
        return self.get_response(request)
