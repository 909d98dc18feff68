"""Public pages cost a fixed number of queries, whatever the amount of content."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csti_cms.core.models import ContentPage
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

#: The most queries the home page may take, caches warm (site settings, menu,
#: translations, image renditions and blocks included).
HOME_PAGE_QUERY_BOUND = 12


def count_queries(client, url):
    client.get(url)  # warm the rendition and site-root caches, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_query_count_is_bounded_and_does_not_grow(client, language):
    home = demo_page("home", language)
    before = count_queries(client, home.url)
    assert before <= HOME_PAGE_QUERY_BOUND

    for number in range(50):
        page = home.add_child(
            instance=ContentPage(
                title=f"Atelier {number}", slug=f"atelier-{number}", show_in_menus=True
            )
        )
        page.save_revision().publish()
    caches["default"].clear()

    after = count_queries(client, home.url)
    assert after == before, f"{before} queries with the demo, {after} with 50 more pages"
