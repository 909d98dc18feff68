"""A request reads each cache entry once, and reads its own changes afresh.

With Redis, every read of the cache is a round trip on the network: a page that asked
for the generation before each cached entry, and for the plugin switches of each block,
paid about forty of them where twenty-five do.
"""

import uuid
from collections import Counter

import pytest
from django.http import HttpResponse

from csti_cms.core import caching
from csti_cms.core.caching import cached, content_changed, generation
from csti_cms.core.request_readings import RequestReadingsMiddleware, read_once
from csti_cms.plugins import state
from tests.conftest import demo_page
from tests.core.conftest import SHARED_REDIS, redis_caches

pytestmark = pytest.mark.django_db


class Spy:
    """Calls ``function`` and remembers the arguments of each call."""

    def __init__(self, function):
        self.function = function
        self.calls = []

    def __call__(self, *args):
        self.calls.append(args)
        return self.function(*args)


def during_a_request(view):
    """What ``view()`` returns, called as a view inside the readings' middleware."""
    answers = []

    def respond(request):
        answers.append(view())
        return HttpResponse()

    RequestReadingsMiddleware(respond)(None)
    return answers[0]


def test_outside_a_request_every_read_asks_again():
    reads = []
    assert [read_once("key", lambda: reads.append(1) or len(reads)) for _ in range(3)] == [1, 2, 3]


def test_inside_a_request_a_key_is_read_once():
    reads = []

    def view():
        return [read_once("key", lambda: reads.append(1) or len(reads)) for _ in range(3)]

    assert during_a_request(view) == [1, 1, 1]
    assert during_a_request(view) == [2, 2, 2], "the next request reads afresh"


def test_a_request_that_changes_content_reads_its_own_change():
    """An editor's publication moves the generation on in the request that publishes:
    what the request read before is outdated for the rest of it."""

    def view():
        before = (generation(), cached("title", lambda: "Before"))
        content_changed()
        return before, (generation(), cached("title", lambda: "After"))

    (first_generation, first_title), (second_generation, second_title) = during_a_request(view)
    assert (first_title, second_title) == ("Before", "After")
    assert first_generation != second_generation


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_page_reads_the_generation_and_each_entry_once(client, monkeypatch, language):
    path = demo_page("home", language).url
    client.get(path)
    read_generation = Spy(caching._read_generation)
    read_entry = Spy(caching._read_or_compute)
    read_switches = Spy(state._switched_on)
    monkeypatch.setattr(caching, "_read_generation", read_generation)
    monkeypatch.setattr(caching, "_read_or_compute", read_entry)
    monkeypatch.setattr(state, "_switched_on", read_switches)

    assert client.get(path).status_code == 200

    assert len(read_generation.calls) == 1
    entries = Counter(full_key for full_key, _compute in read_entry.calls)
    assert entries, "the page reads its navigation and settings from the cache"
    assert max(entries.values()) == 1, entries
    assert len(read_switches.calls) == 1, "the plugin switches of the site, read once"


def test_with_redis_a_page_asks_redis_for_the_generation_once(client, monkeypatch):
    path = demo_page("home", "en").url
    with redis_caches(SHARED_REDIS, f"test-{uuid.uuid4().hex}"):
        client.get(path)
        read_from_redis = Spy(caching._cached_generation)
        monkeypatch.setattr(caching, "_cached_generation", read_from_redis)
        assert client.get(path).status_code == 200
    assert len(read_from_redis.calls) == 1
