"""Every public page renders under the same bound of SQL queries, whatever its type.

The pages are those of the demo's sitemap in every language, plus every page of the site
they link to (routes such as the agenda's calendar, booking forms, filters, search).
Caches are warm, as on a running site: what is cached between requests (site settings,
navigation, opening hours, listings) costs no query until an editor publishes.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

#: The most queries any public page may take, caches warm.
PAGE_QUERY_BOUND = 14

LINK = re.compile(r'href="(/(?:fr|nl|en)/[^"#]*)"')


def sitemap_paths(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    return [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


def queries_of(client, path):
    """``(status, queries)`` of a second request for ``path``, the first having warmed caches."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [query["sql"] for query in queries]


def test_every_public_page_stays_under_the_query_bound(client):
    pages = sitemap_paths(client)
    assert len(pages) > 100
    seen, over = set(), {}
    to_visit = list(pages)
    while to_visit:
        path = to_visit.pop().replace("&amp;", "&")
        if path in seen:
            continue
        seen.add(path)
        response, queries = queries_of(client, path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        if len(queries) > PAGE_QUERY_BOUND:
            over[path] = len(queries)
        if path in pages:
            to_visit.extend(LINK.findall(response.content.decode()))
    assert len(seen) > len(pages)
    assert over == {}, f"pages over {PAGE_QUERY_BOUND} queries: {over}"
