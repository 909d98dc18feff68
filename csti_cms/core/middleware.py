"""Middleware of the core: what every request needs before a view runs."""

from django.http.request import split_domain_port
from wagtail.models import Site

from .caching import cached

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


class CachedSiteMiddleware:
    """Finds the site a request is addressed to without a query.

    Wagtail looks the site up with a query on every request, although sites change
    about never. The list of sites is cached instead (saving a site starts a new
    generation) and matched against the request's host here: one cache entry, whatever
    the ``Host`` headers requests make up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sites = cached("sites", lambda: list(Site.objects.select_related("root_page")))
        # Wagtail reads the raw host too: ALLOWED_HOSTS is Django's check, made later.
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = site_for_host(sites, hostname, request.get_port())
        return self.get_response(request)
