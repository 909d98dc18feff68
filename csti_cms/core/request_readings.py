"""What a request reads of the shared cache, read once for the whole request.

Rendering one page asks the cache for the same few things again and again: the
generation of published content before every cached entry (:mod:`csti_cms.core.caching`),
the site's plugin switches for each block, menu and link that depends on a plugin, the
restricted pages for each list of links. With Redis, each ask is a round trip on the
network, about thirty for a home page; in a process's own cache, each is a copy of the
value. Kept for the request instead, the first answer is given again: a page costs one
round trip per thing it reads, and it is rendered from one state of the site from start
to end, even if an editor publishes in another process meanwhile.

A request that changes what it read (an editor publishing, switching a plugin) forgets
its readings at once (:func:`forget_readings`), so it reads its own change.
"""

from contextvars import ContextVar

_readings = ContextVar("csti_request_readings", default=None)


class RequestReadingsMiddleware:
    """Keeps the request's readings from the first middleware that reads the cache on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _readings.set({})
        try:
            return self.get_response(request)
        finally:
            _readings.reset(token)


def read_once(key, read):
    """``read()``, called once per request for ``key``; called each time outside one.

    Outside a request (a command, a task, a test calling a function directly) nothing
    is kept: nothing would tell such code when what it read is outdated.
    """
    readings = _readings.get()
    if readings is None:
        return read()
    if key not in readings:
        readings[key] = read()
    return readings[key]


def forget_readings():
    """Forget what the current request has read: it has just changed it."""
    readings = _readings.get()
    if readings is not None:
        readings.clear()
