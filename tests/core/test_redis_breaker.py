"""A Redis server lost from the network costs a page one timeout, not one per cache operation.

When the packets sent to Redis are dropped, each operation waits for the socket timeout
(``REDIS_SOCKET_TIMEOUT``) before it counts as a miss, and a page makes dozens of them. Once
one operation could not reach Redis, the caches leave it alone for ``OUTAGE_PAUSE`` seconds
(csti_cms.core.redis_cache). The Redis server of the test suite (127.0.0.1:6379) is reached
here through a route a test can cut: connections are then accepted and whatever is sent
along them dropped, as by a server that has vanished from the network.
"""

import contextlib
import socket
import threading
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from csti_cms.core import checks, redis_cache
from csti_cms.enquiries.ratelimit import RateLimit
from csti_cms.settings.base import _caches
from tests.conftest import demo_page
from tests.core.conftest import redis_errors
from tests.core.outages import redis_server, stop_outage_clocks
from tests.helpers import FakeServer

REDIS_ADDRESS = ("127.0.0.1", 6379)
REDIS_DB = 7


class FakeRedis(FakeServer):
    """A fake server the caches are pointed at as at Redis."""

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/{REDIS_DB}"


class Route(FakeRedis):
    """A TCP route to the Redis server that drops everything sent along it while ``cut``.

    ``connections`` counts the connections the caches opened along it: a cache operation
    that asks Redis after one timed out opens a new one.
    """

    def __init__(self):
        self.cut = True
        self.connections = 0
        super().__init__()

    def _serve(self, incoming):
        self.connections += 1
        if self.cut:
            return  # Held open, never answered.
        outgoing = socket.create_connection(REDIS_ADDRESS)
        self._sockets.append(outgoing)
        for source, target in ((incoming, outgoing), (outgoing, incoming)):
            threading.Thread(target=_relay, args=(source, target), daemon=True).start()


def _relay(source, target):
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
        target.shutdown(socket.SHUT_WR)


class NotRedis(FakeRedis):
    """Another program on Redis's address: a web server answering each request with an error.

    ``requests`` counts what it was sent, so a test can tell whether the caches asked it.
    """

    REPLY = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"

    def __init__(self):
        self.requests = 0
        super().__init__()

    def _serve(self, connection):
        threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection):
        with contextlib.suppress(OSError):
            while connection.recv(65536):
                self.requests += 1
                connection.sendall(self.REPLY)


@pytest.fixture
def not_redis():
    server = NotRedis()
    yield server
    server.close()


@pytest.fixture
def protected_redis(tmp_path):
    """A Redis server of the test's own that asks for a password: (port, password)."""
    password = uuid.uuid4().hex
    with redis_server(tmp_path, "--requirepass", password) as (_, port):
        yield port, password


@pytest.fixture
def route():
    route = Route()
    yield route
    route.close()


@pytest.fixture(autouse=True)
def fresh_breakers(monkeypatch):
    """Every test meets Redis as a process that has not seen it fail yet."""
    monkeypatch.setattr(redis_cache, "_breakers", {})


@pytest.fixture(autouse=True)
def outage_clock(monkeypatch):
    """A pause lasts until the test moves this clock past it, however slow the machine."""
    return stop_outage_clocks(monkeypatch)


@pytest.fixture
def direct_redis():
    """The Redis server itself, to write entries the caches will find there."""
    client = redis.Redis(*REDIS_ADDRESS, db=REDIS_DB)
    written = []
    yield client, written
    if written:
        client.delete(*written)
    client.close()


@contextlib.contextmanager
def caches_on(url, pause=None):
    """The caches of the settings on Redis at ``url``, under a key prefix of their own."""
    config = _caches(url, f"test-breaker-{uuid.uuid4().hex[:8]}")
    if pause is not None:
        for alias in config.values():
            alias["OPTIONS"] = {**alias["OPTIONS"], "OUTAGE_PAUSE": pause}
    with override_settings(CACHES=config):
        yield caches["default"]


def log_lines(log):
    return [(record.levelname, record.getMessage()) for record in log.records]


def assert_cause_on_the_line(record, error_class, text):
    """The outage warning names the error's class and message itself, with no traceback:
    operators read the cause on one line of the journal."""
    message = record.getMessage()
    assert f"({error_class}: " in message
    assert text in message
    assert record.exc_info is None


def test_fifty_reads_from_a_lost_redis_wait_for_one_timeout(route, redis_log):
    with caches_on(route.url) as cache:
        values = [cache.get(f"entry-{number}", "miss") for number in range(50)]
    assert values == ["miss"] * 50
    # Each read used to ask Redis and wait for its own timeout: 50 x 0.2 s, about 10 s.
    assert route.connections == 1
    records = redis_errors(redis_log)
    assert len(records) == 1
    assert "Redis cannot be reached" in records[0].getMessage()
    assert "(TimeoutError: Timeout reading from " in records[0].getMessage()


def test_meanwhile_the_cache_answers_at_once_as_for_an_ignored_failure(route):
    with caches_on(route.url) as cache:
        cache.get("entry")
        assert cache.get("entry", "default") == "default"
        assert cache.get_many(["entry", "other"]) == {}
        assert cache.set("entry", "value") is None
        assert cache.add("entry", "value") is None
        assert cache.incr("entry") is None
        assert cache.delete("entry") is None
        assert cache.has_key("entry") is None
        assert cache.get_or_set("entry", "computed") == "computed"
    # Only the first read asked Redis, and waited for its timeout.
    assert route.connections == 1


def test_a_form_lets_visitors_through_while_redis_is_left_alone(route, rf):
    with caches_on(route.url):
        allowance = RateLimit(rf.post("/"), "test-breaker", limit=1)
        assert [allowance.consume() for _ in range(3)] == [True, True, True]


def test_redis_is_asked_again_after_the_pause_and_its_return_is_logged(
    route, direct_redis, redis_log, outage_clock
):
    client, written = direct_redis
    with caches_on(route.url, pause=0.5) as cache:
        assert cache.get("entry") is None
        route.cut = False
        written.append(cache.make_key("entry"))
        client.set(cache.make_key("entry"), 42)
        # Redis answers again, but is left alone until the pause is over.
        assert cache.get("entry") is None
        outage_clock.advance(0.5)
        assert cache.get("entry") == 42
        assert cache.get("entry") == 42
    assert [level for level, _ in log_lines(redis_log)] == ["WARNING", "INFO"]
    assert log_lines(redis_log)[1][1] == "Redis answers again: the cache is back in use."


def test_a_failed_new_attempt_starts_another_pause_without_another_warning(
    route, redis_log, settings, outage_clock
):
    settings.CSTI_REDIS_OUTAGE_PAUSE = 0.3
    with caches_on(route.url) as cache:
        cache.get("entry")
        outage_clock.advance(0.3)
        cache.get("entry")
        # That read asked Redis and waited for it in vain; the next one does not ask.
        assert route.connections == 2
        cache.get("entry")
        assert route.connections == 2
    assert len(redis_log.records) == 1


def test_one_pause_for_every_cache_and_thread_of_a_process(route, redis_log):
    def read(alias):
        for number in range(20):
            caches[alias].get(f"entry-{number}")

    with caches_on(route.url):
        threads = [
            threading.Thread(target=read, args=(alias,))
            for alias in ("default", "renditions", "pages") * 3
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    # At most each thread's first read, made before any had failed: not twenty per thread.
    assert route.connections <= len(threads)
    assert len(redis_errors(redis_log)) == 1


def test_a_refused_connection_starts_a_pause_too(redis_log):
    with caches_on("redis://127.0.0.1:1/7") as cache:
        assert [cache.get(f"entry-{number}") for number in range(50)] == [None] * 50
    records = redis_errors(redis_log)
    assert len(records) == 1
    assert_cause_on_the_line(records[0], "ConnectionError", "Connection refused")


def test_another_program_on_the_redis_port_starts_a_pause(not_redis, redis_log):
    with caches_on(not_redis.url) as cache:
        assert [cache.get(f"entry-{number}", "miss") for number in range(50)] == ["miss"] * 50
        assert cache.set("entry", "value") is None
        assert cache.incr("entry") is None
    # One request found out it was not Redis; the others left it alone.
    assert not_redis.requests == 1
    records = redis_errors(redis_log)
    assert len(records) == 1
    assert records[0].getMessage().startswith("Redis cannot be reached or used")
    assert_cause_on_the_line(
        records[0], "InvalidResponse", "Protocol Error: b'HTTP/1.1 400 Bad Request'"
    )


@pytest.mark.django_db
def test_pages_answer_while_another_program_holds_the_redis_port(client, not_redis, settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    with caches_on(not_redis.url):
        for key in ("home", "about"):
            assert client.get(demo_page(key, "fr").url).status_code == 200, key
        assert [warning.id for warning in checks.check_redis(None)] == ["csti_core.W001"]


def test_a_password_redis_refuses_starts_a_pause(protected_redis, redis_log):
    port, password = protected_redis
    with redis.Redis("127.0.0.1", port, password=password) as operator:
        connections_before = operator.info("stats")["total_connections_received"]
        with caches_on(f"redis://:not-the-password@127.0.0.1:{port}/0") as cache:
            assert [cache.get(f"entry-{n}", "miss") for n in range(50)] == ["miss"] * 50
        # Counted by Redis itself: one connection tried the password, then it was left alone.
        assert operator.info("stats")["total_connections_received"] == connections_before + 1
    records = redis_errors(redis_log)
    assert len(records) == 1
    assert_cause_on_the_line(records[0], "AuthenticationError", "invalid username-password pair")


def test_an_error_redis_answers_with_is_logged_and_starts_no_pause(direct_redis, redis_log):
    client, written = direct_redis
    with caches_on(f"redis://{REDIS_ADDRESS[0]}:{REDIS_ADDRESS[1]}/{REDIS_DB}") as cache:
        written += [cache.make_key("list"), cache.make_key("entry")]
        # A list, where the cache expects a value: Redis answers GET with WRONGTYPE.
        client.rpush(cache.make_key("list"), "item")
        assert cache.get("list", "miss") == "miss"
        cache.set("entry", "kept")
        assert cache.get("entry") == "kept"
    records = redis_errors(redis_log)
    assert [record.getMessage() for record in records] == [
        "Redis could not serve a cache operation"
    ]
    assert "WRONGTYPE" in str(records[0].exc_info[1])


def test_the_system_check_asks_redis_itself_during_a_pause(route):
    with caches_on(route.url) as cache:
        cache.get("entry")
        assert [warning.id for warning in checks.check_redis(None)] == ["csti_core.W001"]
        route.cut = False
        assert checks.check_redis(None) == []
