"""A page's pictures come from the renditions cache once a view has put them there, and
later views write nothing back: on Redis every such write is a round trip and a picture
sent over the network, for each picture of each page viewed."""

import pytest
from wagtail.images import get_image_model

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_writes(monkeypatch):
    """The keys written to the renditions cache from now on (written all the same)."""
    cache = get_image_model().get_rendition_model().cache_backend
    written = []

    def recorded(write, keys_of):
        def record(data, *args, **kwargs):
            written.extend(keys_of(data))
            return write(data, *args, **kwargs)

        return record

    monkeypatch.setattr(cache, "set", recorded(cache.set, lambda key: [key]))
    monkeypatch.setattr(cache, "set_many", recorded(cache.set_many, list))
    return written


@pytest.mark.parametrize("key", ["home", "expo-chemistry", "hub-visitors"])
def test_a_page_seen_before_writes_no_picture_to_the_cache(client, cache_writes, key):
    url = demo_page(key, "fr").url
    first = client.get(url).content.decode()
    cache_writes.clear()

    again = client.get(url).content.decode()

    assert cache_writes == []
    assert first.count("<img") == again.count("<img") > 0
