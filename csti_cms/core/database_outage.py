"""One warning line a minute while the database is out of reach, not a traceback per request.

Without its database every request of the site fails, and Django logs each failure as an
error with the traceback of the database adapter, about a hundred lines: under load, tens of
thousands of lines a minute, with the cause (the adapter's "connection failed ...") buried in
each. So the requests that answer 503 because the database is out of reach
(:func:`csti_cms.core.errors.server_error` and the health check) log instead one warning
naming the database's error, on one line, at most once every :data:`WARNING_INTERVAL`
seconds in each process, and tell Django that the response needs no line of its own.
"""

import logging
import threading
import time

from django.db import InterfaceError, OperationalError

from csti_cms.core.log_format import logged_elsewhere

#: SQLSTATE classes of PostgreSQL's errors of a lost connection: "connection exception"
#: and the server shutting down or not yet accepting connections.
LOST_CONNECTION_SQLSTATES = ("08", "57P0")
#: SQLite's result codes of a database it cannot use now: busy, locked, cannot open.
SQLITE_UNAVAILABLE = {5, 6, 14}


def database_unreachable(error):
    """Whether ``error`` means the database is out of reach, not that a query failed.

    Django raises ``OperationalError`` for both: a refused or lost connection, and errors
    of one statement (a timeout, a deadlock, or on SQLite a missing table). Only the
    first is an outage; the others are bugs or overload, logged in full with their 500.
    The adapter's error (Django's ``__cause__``) tells them apart: PostgreSQL's SQLSTATE,
    which a connection that failed before reaching the server does not have, and SQLite's
    result code.
    """
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate:
        return sqlstate.startswith(LOST_CONNECTION_SQLSTATES)
    sqlite_code = getattr(cause, "sqlite_errorcode", None)
    if sqlite_code is not None:
        return sqlite_code in SQLITE_UNAVAILABLE
    return True


#: Seconds between two warnings of one process while the database stays out of reach.
WARNING_INTERVAL = 60

#: The clock the interval is measured with: seconds that never go back, whatever the wall
#: clock does. A module attribute, so that tests move it on rather than wait an interval.
clock = time.monotonic

logger = logging.getLogger(__name__)


class OutageWarnings:
    """When this process last warned of the database being out of reach."""

    def __init__(self, interval):
        self.interval = interval
        self._lock = threading.Lock()
        #: :data:`clock` time of the last warning; None before the first one.
        self._warned_at = None

    def warn(self, error):
        """Log ``error`` on one line, unless this process did less than an interval ago."""
        if self._due():
            logger.warning(
                "The database cannot be reached (%s): requests answer 503 until it answers "
                "again. This warning repeats at most every %s seconds in each process.",
                error_summary(error),
                self.interval,
            )

    def _due(self):
        with self._lock:
            now = clock()
            if self._warned_at is not None and now - self._warned_at < self.interval:
                return False
            self._warned_at = now
            return True


outage_warnings = OutageWarnings(WARNING_INTERVAL)


def error_summary(error):
    """``module.Class: first line of the message`` of the adapter's own error.

    Django wraps the adapter's error (``psycopg.OperationalError``) in its own class and
    keeps it as the cause, whose name tells an operator which server and client failed.
    """
    cause = error.__cause__ if isinstance(error.__cause__, Exception) else error
    lines = str(cause).strip().splitlines()
    return f"{type(cause).__module__}.{type(cause).__qualname__}: {lines[0] if lines else ''}"


def report_unreachable_database(error, response):
    """Log the outage behind ``response`` (a 503) on its one line, instead of Django's error."""
    outage_warnings.warn(error)
    logged_elsewhere(response)
