"""Fixtures shared by the core's tests of the caches and of Redis outages."""

import logging

import pytest
from django.test import override_settings

from csti_cms.core import caching, redis_cache
from csti_cms.settings.base import _caches

UNREACHABLE_REDIS = "redis://127.0.0.1:6390/9"
#: The machine's Redis, under a database the tests use with key prefixes of their own.
SHARED_REDIS = "redis://127.0.0.1:6379/9"


def redis_caches(url, prefix, pause=None):
    """The settings' caches on Redis at ``url``, under key prefix ``prefix``."""
    config = _caches(url, prefix)
    if pause is not None:
        for alias in config.values():
            alias["OPTIONS"] = {**alias["OPTIONS"], "OUTAGE_PAUSE": pause}
    return override_settings(CACHES=config)


@pytest.fixture
def process_as_started(monkeypatch):
    """The test meets Redis and the generation file as a process that has just started."""
    monkeypatch.setattr(redis_cache, "_breakers", {})
    monkeypatch.setattr(caching, "_generation_file", caching.GenerationFile())
    caching._unwritten_generation.clear()
    yield
    caching._unwritten_generation.clear()


class RecordsKept(logging.Handler):
    """Keeps the records it is handed, for a test to read."""

    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def redis_log():
    """Records of ``csti_cms.redis``, which does not hand them on to the root logger."""
    logger = logging.getLogger("csti_cms.redis")
    handler = RecordsKept()
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def redis_errors(log):
    """The warnings and errors among ``log``'s records."""
    return [record for record in log.records if record.levelno >= logging.WARNING]


@pytest.fixture
def redis_down(settings, monkeypatch):
    """Caches on a Redis server that does not answer, with the page cache on.

    ``override_settings`` drops the cache connections made with the previous settings, on
    the way in and out (Django's ``setting_changed`` receiver), so every alias is a Redis
    one meanwhile and the in-process caches are back afterwards. The pause the outage
    starts ends with the test.
    """
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    monkeypatch.setattr(redis_cache, "_breakers", {})
    with override_settings(CACHES=_caches(UNREACHABLE_REDIS, "test")):
        yield
