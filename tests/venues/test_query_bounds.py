"""The comparison of spaces costs the same queries for 5 spaces or 100."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csti_cms.venues.models import VenueSpaceIndexPage
from tests.conftest import demo_page
from tests.venues.helpers import publish_space

pytestmark = pytest.mark.django_db

#: The most queries the comparison may take, caches warm (site, menu, settings, renditions).
LISTING_QUERY_BOUND = 22


def count_queries(client, url):
    client.get(url)  # warm the rendition and site-root caches, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode().count('<th scope="row">')


def add_spaces(listing, count, start=0):
    image = demo_page("space-atrium").image
    for number in range(start, start + count):
        publish_space(
            listing,
            title=f"Salle {number}",
            slug=f"salle-{number}",
            image=image,
            image_alt_text="Une salle",
            capacity_theatre=80,
            capacity_banquet=40,
        )


def test_the_comparison_query_count_does_not_grow(client):
    home = demo_page("home")
    listing = home.add_child(instance=VenueSpaceIndexPage(title="Salles", slug="salles"))
    listing.save_revision().publish()
    add_spaces(listing, 5)
    url = f"{listing.url}?guests=30&layout=banquet"
    small, rows = count_queries(client, url)
    assert rows == 5
    assert small <= LISTING_QUERY_BOUND, f"{small} queries"

    add_spaces(listing, 95, start=5)
    caches["default"].clear()
    large, rows = count_queries(client, url)
    assert rows == 100
    assert large == small, f"{small} queries with 5 spaces, {large} with 100"
