"""Only one run retries the enquiry notifications, and a run frees only its own lock.

The lock lives in the default cache: Redis when ``REDIS_URL`` is set (here the server at
127.0.0.1:6379, database 11, under a key prefix of each test's own), else the process's own
memory, which the threads of one process share.
"""

import threading
import uuid

import pytest
from django.core.cache import cache

from csti_cms.enquiries.services import RETRY_LOCK_KEY, retry_lock
from csti_cms.settings.base import _caches

LOCK_REDIS = "redis://127.0.0.1:6379/11"


@pytest.fixture(params=["local memory", "redis"])
def lock_cache(request, settings):
    """The default cache of the settings, without Redis and with it."""
    if request.param == "redis":
        settings.CACHES = _caches(LOCK_REDIS, f"retry-lock-{uuid.uuid4().hex}")
    cache.delete(RETRY_LOCK_KEY)
    yield request.param
    cache.delete(RETRY_LOCK_KEY)


class OtherRun(threading.Thread):
    """A run of the retry in another thread, holding the lock until told to end."""

    def __init__(self):
        super().__init__(daemon=True)
        self.free = None
        self.started_retrying = threading.Event()
        self.may_end = threading.Event()

    def run(self):
        with retry_lock() as free:
            self.free = free
            self.started_retrying.set()
            self.may_end.wait(10)


def test_a_run_under_way_keeps_the_next_one_out_until_it_ends(lock_cache):
    with retry_lock() as first:
        with retry_lock() as second:
            assert (first, second) == (True, False)
        assert cache.get(RETRY_LOCK_KEY) is not None, "the refused run freed nothing"
    with retry_lock() as after:
        assert after is True


def test_a_run_whose_lock_expired_as_it_ended_frees_nothing_of_the_next_run(
    lock_cache, monkeypatch
):
    """The first run's lock expires just as its release asks the cache, and another run
    takes the lock right then: the lock stays the other run's, and a third run keeps out."""
    other = OtherRun()

    def expire_and_take_over():
        if not other.is_alive():
            cache.delete(RETRY_LOCK_KEY)  # the first run's lock expires
            other.start()
            # With a cache of the process's own, the other run waits for the release.
            other.started_retrying.wait(0.5)

    if lock_cache == "redis":
        # The moment the release would change Redis.
        real_get_client = cache.client.get_client

        def taken_over_on_write(*args, write=True, **kwargs):
            if write:
                expire_and_take_over()
            return real_get_client(*args, write=write, **kwargs)

        hooked, hook = cache.client, ("get_client", taken_over_on_write)
    else:
        # The moment the release has read the lock.
        real_get = cache.get

        def taken_over_once_read(*args, **kwargs):
            value = real_get(*args, **kwargs)
            expire_and_take_over()
            return value

        hooked, hook = cache, ("get", taken_over_once_read)

    with retry_lock() as first:
        assert first is True
        monkeypatch.setattr(hooked, *hook)
    monkeypatch.undo()
    assert other.started_retrying.wait(5), "the release asked nothing of the cache"
    try:
        assert other.free is True
        with retry_lock() as third:
            assert third is False, "the first run freed the other run's lock"
    finally:
        other.may_end.set()
        other.join(10)
    with retry_lock() as after:
        assert after is True
