"""A site added or renamed in one process gets its right addresses in every other one.

Wagtail keeps the sites' root paths, from which it builds every page's address, in the
default cache under a key of its own, and drops them only in the process that saves a site.
Without Redis each process has a cache of its own: the others learn of the change from the
generation file only (csti_cms.core.caching), and must drop their copy then. With Redis the
copy is shared, and a save made while Redis could not be reached must not leave it stale.
"""

import re
import uuid

import pytest
from django.core.cache import cache, caches
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from csti_cms.core import caching, sitemap
from csti_cms.core.caching import GENERATION_KEY, generation
from csti_cms.core.centres import add_centre
from tests.core.conftest import SHARED_REDIS, UNREACHABLE_REDIS, RecordsKept, redis_caches

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("process_as_started")]


@pytest.fixture
def sitemap_log():
    handler = RecordsKept()
    sitemap.logger.addHandler(handler)
    yield handler
    sitemap.logger.removeHandler(handler)


def sitemap_locations(client, host="localhost"):
    xml = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    return re.findall(r"<loc>([^<]*)</loc>", xml)


def keep_in_this_process(root_paths):
    """What this process's own cache still holds when another process changes a site."""
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, root_paths, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)


def test_a_host_name_changed_in_another_process_reaches_this_ones_sitemap(client):
    assert sitemap_locations(client)
    demo_site = Site.objects.get(is_default_site=True)
    # Another process renames the site (Settings > Sites), then moves the generation on.
    Site.objects.filter(pk=demo_site.pk).update(hostname="www.centre-renamed.test")
    caching.GenerationFile().write(caching.generation_file_path())
    renamed = Site.objects.get(pk=demo_site.pk).root_url
    locations = sitemap_locations(client, "www.centre-renamed.test")
    assert locations
    assert all(url.startswith(f"{renamed}/") for url in locations), locations


def test_a_centre_added_by_another_process_has_its_addresses_in_this_ones_sitemap(client):
    assert sitemap_locations(client)
    held = Site.get_site_root_paths()
    add_centre("Cap Sciences", "localhost", 8611)
    keep_in_this_process(held)
    locations = sitemap_locations(client, "localhost:8611")
    assert locations == ["http://localhost:8611/fr/"]


def test_pages_without_an_address_are_left_out_of_the_sitemap_and_told_once(client, sitemap_log):
    every_language = sitemap_locations(client)
    assert any("/en/" in url for url in every_language)
    # Root paths that miss the English tree: its pages have no address.
    keep_in_this_process(
        [path for path in Site.get_site_root_paths() if path.language_code != "en"]
    )
    xml = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    assert "None" not in xml
    assert re.findall(r"<loc>([^<]*)</loc>", xml) == [
        url for url in every_language if "/en/" not in url
    ]
    english = Page.objects.live().filter(locale__language_code="en").count()
    messages = [record.getMessage() for record in sitemap_log.records]
    assert len(messages) == 1, messages
    assert f"leaves out {english} live page(s) that have no address" in messages[0]


def test_a_host_name_changed_while_redis_was_unreachable_is_right_once_it_answers():
    prefix = f"test-sites-{uuid.uuid4().hex[:8]}"
    demo_site = Site.objects.get(is_default_site=True)
    with redis_caches(SHARED_REDIS, prefix):
        assert generation() is not None
        assert Site.get_site_root_paths()[0].root_url == demo_site.root_url
    with redis_caches(UNREACHABLE_REDIS, prefix):
        demo_site.hostname = "www.centre-renamed.test"
        demo_site.save()
    with redis_caches(SHARED_REDIS, prefix):
        assert generation() is not None
        root_urls = {path.root_url for path in Site.get_site_root_paths()}
        assert root_urls == {demo_site.root_url}
        assert "www.centre-renamed.test" in demo_site.root_url
        caches["default"].delete_many([GENERATION_KEY])
        Site.clear_site_root_paths_cache()
