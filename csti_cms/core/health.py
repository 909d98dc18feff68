"""The health check of load balancers and monitoring: ``/health/``.

It answers 200 while the site can serve its pages, 503 when it cannot, with a small JSON
body naming what it checked::

    {"status": "ok", "database": "ok", "cache": "ok"}

Without its database the site serves nothing: 503. The cache only holds what can be
computed again, and with Redis down the site keeps answering, more slowly
(:mod:`csti_cms.core.redis_cache`): the check still answers 200, its status "degraded",
so that a load balancer keeps the site in service while monitoring can tell.

The answer is never cached, opens no session and carries no language, and monitoring asks
it every few seconds: :class:`HealthCheckMiddleware` answers it near the top of the
middleware, before those that need the database (finding the site, the page cache, the
Content-Security-Policy), which would otherwise fail first with the database down.

Its 503 is the answer it exists to give, not a failure of the site: Django does not log it
as an error each time; the database's error is logged on one warning line a minute
(:mod:`csti_cms.core.database_outage`), as for pages.
"""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from csti_cms.core.database_outage import report_unreachable_database

#: The address of the check, outside the language prefixes.
HEALTH_PATH = "/health/"
OK = "ok"
UNAVAILABLE = "unavailable"


def database_error():
    """What keeps the database from answering a query over the connection requests use,
    or None when it answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return error
    return None


def cache_answers():
    """Whether the default cache gives back what it was just given.

    The caches ignore Redis's failures (a miss, nothing stored), so asking is the only
    way to tell. The key is the probe's own: checks of several workers at once cannot
    mistake one another's value for theirs.
    """
    key, token = f"csti:health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, 10)
        kept = cache.get(key) == token
        cache.delete(key)
    except Exception:  # noqa: BLE001 - a cache backend that does not ignore its failures
        return False
    return kept


def site_health(database_failure):
    """``(status code, body)``: whether the site can serve its pages, and what is missing.

    ``database_failure`` is what kept the database from answering, None when it answered.
    """
    checks = {
        "database": OK if database_failure is None else UNAVAILABLE,
        "cache": OK if cache_answers() else UNAVAILABLE,
    }
    if checks["database"] != OK:
        return 503, {"status": UNAVAILABLE, **checks}
    if checks["cache"] != OK:
        return 200, {"status": "degraded", **checks}
    return 200, {"status": OK, **checks}


@never_cache
@require_safe
def health(request):
    """The answer of ``/health/``; see the module's description."""
    error = database_error()
    status, body = site_health(error)
    response = JsonResponse(body, status=status)
    if error is not None:
        report_unreachable_database(error, response)
    return response


class HealthCheckMiddleware:
    """Answer :data:`HEALTH_PATH` before any middleware that reads the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return health(request)
        return self.get_response(request)
