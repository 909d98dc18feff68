"""The activity list costs the same queries for 5 activities or 100."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csti_cms.schools.models import SchoolActivityIndexPage
from tests.conftest import demo_page
from tests.schools.helpers import publish_activity

pytestmark = pytest.mark.django_db

#: The most queries the list may take, caches warm (site, menu, settings, renditions).
LISTING_QUERY_BOUND = 26


def count_queries(client, url):
    client.get(url)  # warm the rendition and site-root caches, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode().count('class="listing-card"')


def add_activities(listing, count, start=0):
    demo = demo_page("activity-colour-chemistry")
    shown = {
        "levels": list(demo.levels.all()),
        "subjects": list(demo.subjects.all()),
        "image": demo.image,
        "image_alt_text": "Des tubes à essai",
    }
    for number in range(start, start + count):
        publish_activity(listing, title=f"Atelier {number}", slug=f"atelier-{number}", **shown)


def test_the_listing_query_count_does_not_grow(client):
    home = demo_page("home")
    listing = home.add_child(
        instance=SchoolActivityIndexPage(title="Toutes les activités", slug="toutes-activites")
    )
    listing.save_revision().publish()
    add_activities(listing, 5)
    # Filtered by level and language, like teachers use it.
    level = demo_page("activity-colour-chemistry").levels.first()
    url = f"{listing.url}?level={level.pk}&language=fr"
    small, shown = count_queries(client, url)
    assert shown == 5
    assert small <= LISTING_QUERY_BOUND, f"{small} queries"

    add_activities(listing, 95, start=5)
    caches["default"].clear()
    large, shown = count_queries(client, url)
    assert shown == 24, "one page of the list"
    assert large == small, f"{small} queries with 5 activities, {large} with 100"
