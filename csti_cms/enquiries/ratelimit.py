"""How many requests one client may send in a while, counted in Django's cache.

The client is identified by ``REMOTE_ADDR``, the address the connection came from. Behind
a reverse proxy that is the proxy's own address (or nothing at all, on a Unix socket), so
every visitor would share one allowance and a few requests would block everyone. A site
behind a proxy names in ``CSTI_CLIENT_ADDRESS_HEADER`` the header its proxy sets to the
visitor's address (nginx: ``proxy_set_header X-Real-IP $remote_addr;``, then
``X-Real-IP``). Only a proxy that overwrites the header, and is the only way to reach the
site, may be trusted with it: anyone else could choose their own address. The address is
hashed with the site's secret key before it becomes a cache key, so the cache holds no
visitor addresses: a plain hash of an IPv4 address is undone by hashing all four billion.

An IPv6 client is counted by its ``/64`` network, not its address: a single connection
usually gets a whole ``/64``, 2^64 addresses to choose from, each of which would otherwise
have an allowance of its own. An IPv4 client is counted by its address.

The count lives in the ``default`` cache: local memory counts per process, Redis
(``REDIS_URL``) counts across all workers, which is what a site with several
processes wants. Settings: ``CSTI_ENQUIRY_RATE_LIMIT``, the number of requests a
client may send per form in ``CSTI_ENQUIRY_RATE_PERIOD`` seconds (20 an hour by default:
the teachers of one school share its address and book a workshop for each class, while
a robot flooding a form is still stopped after twenty).
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

DEFAULT_LIMIT = 20
DEFAULT_PERIOD = 3600
KEY_SALT = "csti_cms.enquiries.ratelimit"


def client_address(request):
    """The visitor's address, as the proxy named in ``CSTI_CLIENT_ADDRESS_HEADER`` tells it.

    In a list (``X-Forwarded-For``), the last address is the one the trusted proxy saw;
    those before it are whatever the client claimed.
    """
    header = getattr(settings, "CSTI_CLIENT_ADDRESS_HEADER", "")
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        forwarded = request.META.get(meta_key, "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or "unknown"


def client_network(address):
    """What one client's allowance counts: an IPv4 address, or an IPv6 address's ``/64``.

    An IPv4 address written as IPv6 (``::ffff:192.0.2.1``) is that IPv4 address. What is
    no address at all ("unknown") is counted as it is.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.version == 4:
        return str(ip)
    return str(ipaddress.IPv6Network((int(ip), 64), strict=False))


class RateLimit:
    """An allowance of ``limit`` uses per ``period`` seconds, per client and scope.

    A client is an IPv4 address or an IPv6 ``/64`` network (:func:`client_network`).

    The window starts at the client's first use, which is simple and good enough
    against a form being flooded; it is not a precise sliding window.
    """

    def __init__(self, request, scope, limit=None, period=None):
        self.limit = limit if limit is not None else self.setting("LIMIT", DEFAULT_LIMIT)
        self.period = period if period is not None else self.setting("PERIOD", DEFAULT_PERIOD)
        client = client_network(client_address(request))
        digest = salted_hmac(KEY_SALT, f"{scope}|{client}").hexdigest()
        self.key = f"csti-enquiry-rate:{digest}"

    @staticmethod
    def setting(name, default):
        return getattr(settings, f"CSTI_ENQUIRY_RATE_{name}", default)

    def consume(self):
        """Use one request of the allowance; False when it is already used up."""
        cache.add(self.key, 0, timeout=self.period)
        try:
            count = cache.incr(self.key)
        except ValueError:
            # The entry expired between add and incr: this use opens a new window.
            cache.set(self.key, 1, timeout=self.period)
            count = 1
        if count is None:
            # The cache cannot count (Redis is down): a visitor's request matters more
            # than the limit, which holds again once the cache answers.
            return True
        return count <= self.limit
