"""Helpers of the outage tests: a clock the test moves on, and a Redis server of its own.

The pauses of a lost server (csti_cms.core.outage_pause) and the interval of the database's
warnings (csti_cms.core.database_outage) are measured with a clock of their module. A test
that waited for them to end with ``time.sleep`` was slow, and failed on a busy machine
whenever a step took longer than the pause; on :class:`StoppedClock`, a pause lasts
exactly until the test moves the clock past it.
"""

import contextlib
import shutil
import signal
import socket
import subprocess
import threading

import pytest

from csti_cms.core import database_outage, outage_pause

#: Seconds a Redis server of a test's own is given to start on a busy machine.
REDIS_START_TIMEOUT = 30


class StoppedClock:
    """A monotonic clock that moves only when the test moves it on."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def stop_outage_clocks(monkeypatch):
    """Put the outage pauses and the database's warnings on one :class:`StoppedClock`."""
    clock = StoppedClock()
    monkeypatch.setattr(outage_pause, "clock", clock)
    monkeypatch.setattr(database_outage, "clock", clock)
    return clock


@contextlib.contextmanager
def redis_server(tmp_path, *options):
    """A ``redis-server`` of the test's own on a free port, given ``options``: its
    ``(process, port)`` once it accepts connections.

    Its log tells when it is ready, where pinging it every few milliseconds would guess; it
    is read on until the server ends, which never waits for room to write its log.
    """
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed")
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
        + ["no", "--dir", str(tmp_path), *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    log = RedisLog(process.stdout)
    try:
        assert log.ready.wait(REDIS_START_TIMEOUT) and process.poll() is None, (
            f"redis-server did not start on port {port}: {''.join(log.lines)}"
        )
        yield process, port
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.reader.join(timeout=10)
        process.stdout.close()


class RedisLog:
    """What a Redis server writes on its standard output, read as it comes.

    ``ready`` is set once it accepts connections, or once it has ended without.
    """

    def __init__(self, output):
        self.lines = []
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, args=(output,), daemon=True)
        self.reader.start()

    def _read(self, output):
        for line in output:
            self.lines.append(line)
            if "Ready to accept connections" in line:
                self.ready.set()
        self.ready.set()


@contextlib.contextmanager
def answering_nobody(process):
    """Redis's ``process`` stopped, as a server that hangs: it still accepts connections
    (the system does), and answers nothing sent along them until it goes on."""
    process.send_signal(signal.SIGSTOP)
    try:
        yield
    finally:
        process.send_signal(signal.SIGCONT)
