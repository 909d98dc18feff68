"""The Redis cache client, which leaves Redis alone for a few seconds once it stops answering.

Redis only holds what can be computed again, so the caches ignore its failures
(``IGNORE_EXCEPTIONS`` in ``_caches`` of the settings) and an entry it cannot give counts as
a miss. A server that has vanished from the network, its packets dropped rather than
refused, still makes each cache operation wait for the socket timeout, and a page makes
dozens of them: seconds per page. A server that answers on Redis's address without being
usable (another program on the port, a password Redis refuses) fails every operation the
same way. So once an operation could not use Redis, every cache operation of the process
gets the answer django-redis gives to an ignored failure (a miss, nothing stored, no count)
at once, without the network, for a pause of a few seconds (``CSTI_REDIS_OUTAGE_PAUSE``, or
the ``OUTAGE_PAUSE`` option of a cache). The first operation after the pause asks Redis
again; the others keep the pause until it knows.

Operators read one warning when an outage starts and one line when Redis answers again,
under ``DJANGO_REDIS_LOGGER`` (``csti_cms.redis``), rather than an error per operation: the
settings turn django-redis's own logging of ignored failures off.
"""

import functools
import logging
import threading

from django.conf import settings
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import AuthenticationError, InvalidResponse
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from csti_cms.core.outage_pause import OutagePause

#: Seconds Redis is left alone after it could not be used, unless the cache's ``OPTIONS``
#: give another ``OUTAGE_PAUSE`` or the settings another ``CSTI_REDIS_OUTAGE_PAUSE``.
DEFAULT_OUTAGE_PAUSE = 5

#: What Redis being unusable looks like: not reached, not answering in time, answering with
#: bytes that are not Redis's protocol (another program listening on the port), or refusing
#: the password of ``REDIS_URL`` (redis-py makes that a ``ConnectionError``, named here so it
#: keeps its pause whatever redis-py derives it from). Every operation would fail alike until
#: an operator acts. Other errors (a ``ResponseError`` such as WRONGTYPE) are Redis answering
#: about one operation, so they never start a pause.
UNUSABLE = (
    RedisConnectionError,
    RedisTimeoutError,
    TimeoutError,
    InvalidResponse,
    AuthenticationError,
)

#: Methods of the client that must work whatever the state of Redis: they build keys and
#: values or manage connections, and the system check (``check_redis``) pings Redis
#: through ``get_client`` to report on it as it is, not as the pause assumes it is.
UNGUARDED = frozenset(
    {
        "close",
        "connect",
        "decode",
        "disconnect",
        "do_close_clients",
        "encode",
        "get_client",
        "get_client_with_index",
        "get_next_client_index",
        "make_key",
        "make_pattern",
    }
)


class RedisPaused(RedisConnectionError):
    """Raised, instead of asking Redis, while it is left alone after a failure."""


class OutageBreaker:
    """Whether one Redis server is taken for down, shared by every thread of a process."""

    def __init__(self, pause):
        self.pause = pause
        self._pause = OutagePause(pause)

    def call(self, method, /, *args, **kwargs):
        """``method(*args, **kwargs)`` unless Redis is taken for down."""
        if self._pause.holds():
            raise ConnectionInterrupted(connection=None) from RedisPaused(
                f"Redis is left alone for {self.pause} seconds after it could not be used."
            )
        try:
            result = method(*args, **kwargs)
        except ConnectionInterrupted as error:
            if isinstance(error.__cause__, UNUSABLE):
                self._went_down(error)
            else:
                self._answered()
                redis_logger().error("Redis could not serve a cache operation", exc_info=error)
            raise
        except InvalidResponse as error:
            # django-redis wraps only the failures it expects, so a reply that is not Redis's
            # would otherwise reach the page as an error instead of counting as a miss.
            self._went_down(error)
            raise ConnectionInterrupted(connection=None) from error
        self._answered()
        return result

    def _went_down(self, error):
        if self._pause.went_down():
            # The cause on the line itself: the traceback of the socket would add a screenful
            # of redis-py's frames and tell an operator nothing more.
            cause = error.__cause__ if isinstance(error, ConnectionInterrupted) else error
            redis_logger().warning(
                "Redis cannot be reached or used (%s: %s): the cache counts as empty and Redis "
                "is left alone for %s seconds at a time until it answers again.",
                type(cause).__name__,
                cause,
                self.pause,
            )

    def _answered(self):
        if self._pause.answered():
            redis_logger().info("Redis answers again: the cache is back in use.")


def redis_logger():
    """The logger operators read Redis's outages in (``DJANGO_REDIS_LOGGER``)."""
    return logging.getLogger(getattr(settings, "DJANGO_REDIS_LOGGER", __name__))


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(server, pause):
    """The breaker of ``server`` in this process: every cache alias and thread shares it,
    so an outage is noticed, paused and logged once, whichever cache met it first."""
    key = (server if isinstance(server, str) else tuple(server), pause)
    with _breakers_lock:
        if key not in _breakers:
            _breakers[key] = OutageBreaker(pause)
        return _breakers[key]


class OutageBreakerClient:
    """django-redis's client, asked only while its Redis server is not taken for down.

    Named by the ``CLIENT_CLASS`` option of the caches, so the backend stays django-redis's
    ``RedisCache``. The backend turns the ``ConnectionInterrupted`` raised during a pause
    into the very value it returns for any ignored failure: ``get`` the default,
    ``get_many`` ``{}``, ``incr`` None (forms' rate limits then let visitors through).
    """

    def __init__(self, server, params, backend):
        self._client = DefaultClient(server, params, backend)
        pause = params.get("OPTIONS", {}).get(
            "OUTAGE_PAUSE", getattr(settings, "CSTI_REDIS_OUTAGE_PAUSE", DEFAULT_OUTAGE_PAUSE)
        )
        self._breaker = breaker_for(server, pause)

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute) or name.startswith("_") or name in UNGUARDED:
            return attribute
        guarded = functools.partial(self._breaker.call, attribute)
        # Kept on the instance: the next access does not come through here.
        setattr(self, name, guarded)
        return guarded
