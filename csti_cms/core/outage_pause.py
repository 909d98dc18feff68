"""A helper server (Redis, Elasticsearch) left alone for a while once it could not answer.

Without a pause, every request of every worker waits for a lost server's timeout in turn,
and the whole site slows down with it. With one, the first failure starts a pause during
which nothing asks the server; when it is over, one request asks again while the others
keep the pause, and either the server answers (the pause ends) or a new pause starts.
One :class:`OutagePause` per server is shared by every thread of a process; the callers
log the outage's start and end, which :meth:`went_down` and :meth:`answered` report.
"""

import threading
import time

#: The clock pauses are measured with: seconds that never go back, whatever the wall clock
#: does. A module attribute, so that tests move it on rather than wait for a pause to end.
clock = time.monotonic


class OutagePause:
    """Whether one server is taken for down in this process, and until when."""

    def __init__(self, pause):
        self.pause = pause
        self._lock = threading.Lock()
        #: :data:`clock` time until which the server is left alone; None while it answers.
        self._down_until = None

    def holds(self):
        """Whether this request must leave the server alone.

        Once the pause is over, the request that asks is the one that finds out; the
        others keep the pause meanwhile.
        """
        if self._down_until is None:
            return False
        with self._lock:
            if self._down_until is None:
                return False
            now = clock()
            if now < self._down_until:
                return True
            self._down_until = now + self.pause
            return False

    def went_down(self):
        """Start (or prolong) the pause; whether the server was taken for up until now."""
        with self._lock:
            was_up = self._down_until is None
            self._down_until = clock() + self.pause
        return was_up

    def answered(self):
        """End the pause; whether the server was taken for down until now."""
        if self._down_until is None:
            return False
        with self._lock:
            was_down = self._down_until is not None
            self._down_until = None
        return was_down
