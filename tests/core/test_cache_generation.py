"""Every process of an install learns of a change on its next request, whatever befell Redis.

Public pages and what they read are cached under a generation (csti_cms.core.caching). With
Redis, a process that could not write a new one keeps it until Redis takes it; without Redis,
the generation lives in a file that web workers, cron jobs and commands share. The Redis
server at 127.0.0.1:6379 is used under database 9 and a key prefix of each test's own;
tests that make Redis refuse writes or stop answering start a server of their own.
"""

import io
import uuid

import pytest
import redis
from django.core.cache import caches
from django.core.management import call_command
from wagtail.models import Page

from csti_cms.core import caching, checks
from csti_cms.core.caching import GENERATION_KEY, content_changed, generation
from tests.conftest import demo_page
from tests.core.conftest import SHARED_REDIS, UNREACHABLE_REDIS, RecordsKept, redis_caches
from tests.core.outages import answering_nobody, redis_server, stop_outage_clocks
from tests.helpers import run_manage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("process_as_started")]


@pytest.fixture
def outage_clock(monkeypatch):
    """A pause of Redis lasts until the test moves this clock past it."""
    return stop_outage_clocks(monkeypatch)


@pytest.fixture
def page_cache(settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def generation_file(settings, tmp_path):
    """The generation file of the test's own data folder, as the settings derive it."""
    settings.CSTI_CACHE_GENERATION_FILE = None
    settings.DATA_DIR = tmp_path
    return tmp_path / caching.GENERATION_FILE_NAME


@pytest.fixture
def caching_log():
    logger = caching.logger
    handler = RecordsKept()
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of the test's own, which it may make refuse writes or stop answering:
    ``(url, client for the operator, its process)``."""
    with (
        redis_server(tmp_path) as (process, port),
        redis.Redis("127.0.0.1", port) as operator,
    ):
        yield f"redis://127.0.0.1:{port}/0", operator, process


def hub_titles(client):
    return client.get(demo_page("hub-visitors", "en").url).content.decode()


# Without Redis: the generation file.


def test_a_change_made_by_another_process_shows_on_the_next_request(
    client, page_cache, generation_file, tmp_path
):
    exhibition = demo_page("expo-matter", "en")
    assert exhibition.title in hub_titles(client)
    # Another process renames it, then moves the generation on, as its signals would.
    Page.objects.filter(pk=exhibition.pk).update(title="Matter, renamed elsewhere")
    assert "Matter, renamed elsewhere" not in hub_titles(client), "the page was not cached"
    result = run_manage(
        "shell",
        "-c",
        "from csti_cms.core.caching import content_changed; content_changed()",
        CSTI_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "Matter, renamed elsewhere" in hub_titles(client)


def test_the_daily_agenda_refresh_moves_the_generation_every_process_reads(generation_file):
    before = generation()
    assert generation_file.read_text() == before
    call_command("agenda_refresh", stdout=io.StringIO())
    assert generation_file.read_text() != before
    # What another process, which has read the file before, reads now.
    assert caching.GenerationFile().read(generation_file) == generation_file.read_text()


def test_an_unusable_generation_file_is_told_once_and_this_process_keeps_its_own(
    client, page_cache, settings, tmp_path, caching_log
):
    (tmp_path / "a-file").write_text("not a folder")
    settings.CSTI_CACHE_GENERATION_FILE = tmp_path / "a-file" / "cache-generation"
    before = generation()
    assert before is not None
    exhibition = demo_page("expo-matter", "en")
    assert exhibition.title in hub_titles(client)
    exhibition.title = "Matter, reopened"
    exhibition.save_revision().publish()
    assert generation() != before
    assert "Matter, reopened" in hub_titles(client)
    messages = [record.getMessage() for record in caching_log.records]
    assert len(messages) == 1, messages
    assert "a-file/cache-generation cannot be used (NotADirectoryError" in messages[0]


def test_the_system_check_warns_when_the_generation_file_cannot_be_written(settings, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    settings.CSTI_CACHE_GENERATION_FILE = tmp_path / "a-file" / "cache-generation"
    warnings = checks.check_cache_generation_file(app_configs=None)
    assert [warning.id for warning in warnings] == ["csti_core.W005"]
    settings.CSTI_CACHE_GENERATION_FILE = tmp_path / "cache-generation"
    assert checks.check_cache_generation_file(app_configs=None) == []
    with redis_caches(UNREACHABLE_REDIS, "test"):
        settings.CSTI_CACHE_GENERATION_FILE = tmp_path / "a-file" / "cache-generation"
        assert checks.check_cache_generation_file(app_configs=None) == []


def test_a_data_folder_not_made_yet_is_made_by_the_first_change(settings, tmp_path):
    """A new install on PostgreSQL has no CSTI_DATA_DIR until something is uploaded."""
    path = tmp_path / "var" / "mycentre" / "cache-generation"
    settings.CSTI_CACHE_GENERATION_FILE = path
    assert checks.check_cache_generation_file(app_configs=None) == []
    before = generation()
    content_changed()
    assert path.exists()
    assert generation() not in (None, before)


# With Redis: a generation that could not be written is not lost.


def test_a_change_published_while_redis_was_unreachable_reaches_everyone_once_it_answers():
    prefix = f"test-generation-{uuid.uuid4().hex[:8]}"
    with redis_caches(SHARED_REDIS, prefix):
        before = generation()
        assert before is not None
    with redis_caches(UNREACHABLE_REDIS, prefix):
        exhibition = demo_page("expo-matter", "en")
        exhibition.title = "Matter, renamed during the outage"
        exhibition.save_revision().publish()
    with redis_caches(SHARED_REDIS, prefix):
        after = generation()
        assert after not in (None, before)
        # What every other process reads from Redis.
        assert caches["default"].get(GENERATION_KEY) == after
        caches["default"].delete(GENERATION_KEY)


def test_a_write_redis_refuses_when_out_of_memory_is_kept_until_it_takes_it(own_redis):
    url, operator, _ = own_redis
    with redis_caches(url, "test"):
        before = generation()
        operator.config_set("maxmemory", 1)  # below what it holds: every write is refused
        content_changed()
        # Not the previous generation: this process shows the change meanwhile.
        assert generation() is None
        assert caches["default"].get(GENERATION_KEY) == before
        operator.config_set("maxmemory", 0)
        after = generation()
        assert after not in (None, before)
        assert caches["default"].get(GENERATION_KEY) == after


def test_a_process_back_from_an_outage_it_changed_nothing_in_keeps_the_generation(
    own_redis, outage_clock
):
    """One slow answer in one worker must not empty every worker's cache: only a process
    that owes a change starts a new generation once Redis answers again."""
    url, _, process = own_redis
    with redis_caches(url, "test", pause=0.3):
        before = generation()
        with answering_nobody(process):  # each read times out
            assert generation() is None
        outage_clock.advance(0.3)
        assert generation() == before


def test_a_command_that_ends_during_an_outage_says_its_change_was_not_written(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from csti_cms.core.caching import content_changed; content_changed()",
        REDIS_URL=UNREACHABLE_REDIS,
        CSTI_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "A change could not be written to Redis before this process ended" in result.stderr
