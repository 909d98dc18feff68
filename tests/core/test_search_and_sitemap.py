"""Search stays in the visitor's language; the sitemap covers every language."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from csti_cms.core.models import ContentPage
from csti_cms.core.views import MAX_QUERY_LENGTH, search_terms
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db


def result_links(html):
    block = html.split('class="search-results"', 1)
    return re.findall(r'<h2><a href="([^"]+)"', block[1]) if len(block) > 1 else []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_pages_in_the_current_language_only(client, language):
    about = demo_page("about", language)
    with translation.override(language):
        search = reverse("search")
    response = client.get(search, {"q": about.title})
    assert response.status_code == 200
    links = result_links(response.content.decode())
    assert about.url in links
    assert all(link.startswith(f"/{language}/") for link in links)


def test_empty_and_silly_searches_answer_cleanly(client):
    assert client.get("/fr/recherche/").status_code == 200
    assert client.get("/fr/recherche/", {"q": "x" * 5000, "page": "abc"}).status_code == 200
    assert client.get("/fr/recherche/", {"q": "science", "page": "999"}).status_code == 200
    for query in ('"', 'a"b', "\x00", "NEAR(a b", "col:val", "-a", "*"):
        assert client.get("/fr/recherche/", {"q": query}).status_code == 200, query
    assert client.head("/fr/recherche/", {"q": "science"}).status_code == 200


def test_quotes_and_control_characters_leave_the_words_searched():
    assert search_terms(' "Mechelen\x002014" ') == "Mechelen 2014"
    assert search_terms("x" * 500) == "x" * MAX_QUERY_LENGTH


def test_sitemap_lists_every_language_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for language in LANGUAGES:
        assert demo_page("about", language).url in xml
    about_en = demo_page("about", "en")
    assert f'hreflang="en" href="{about_en.full_url}"' in xml


def sitemap_queries(client):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200
    return len(queries)


def test_the_sitemap_costs_the_same_queries_however_many_pages_are_translated(client):
    """Search engines fetch it often, and a centre translates pages every week."""
    before = sitemap_queries(client)
    about = demo_page("about", "fr")
    for number in range(5):
        page = about.add_child(instance=ContentPage(title=f"Atelier {number}", slug=f"a-{number}"))
        page.save_revision().publish()
        for language in ("nl", "en"):
            translated = page.copy_for_translation(Locale.objects.get(language_code=language))
            translated.save_revision().publish()
    caches["default"].clear()
    assert sitemap_queries(client) == before
    xml = client.get("/sitemap.xml").content.decode()
    assert f'hreflang="en" href="{translated.full_url}"' in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_an_address_no_site_answers_to_has_no_sitemap(client):
    Site.objects.update(is_default_site=False)
    assert client.get("/sitemap.xml", HTTP_HOST="made-up.test").status_code == 404
