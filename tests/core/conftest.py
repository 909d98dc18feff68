"""Fixtures shared by the core's tests of the caches and of Redis outages."""

import logging

import pytest


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
