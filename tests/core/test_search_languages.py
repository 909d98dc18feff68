"""Site search reads French, Dutch and English alike, on SQLite, PostgreSQL and Elasticsearch.

Visitors type words without accents, in the singular, with an article glued on, and expect
the pages that show them; the search box and the search page's links carry what they
searched for, and nothing else.
"""

import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from csti_cms.agenda.models import EventPage
from csti_cms.core import search_server, views
from csti_cms.core.models import ContentPage
from csti_cms.core.search_server import SearchBackend
from csti_cms.core.search_words import title_prefixes
from csti_cms.venues.models import VenueSpacePage
from tests.conftest import demo_page
from tests.core.helpers import absolute, elasticsearch_stand_in, head_links
from tests.plugins_builtin.helpers import make_membership, make_organisation

pytestmark = pytest.mark.django_db

HEADER_SEARCH_BOX = re.compile(r'<input id="site-search-input"[^>]*value="([^"]*)"')


def result_titles(client, path, query):
    html = client.get(path, {"q": query}).content.decode()
    block = html.split('class="search-results"', 1)
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', block[1]) if len(block) > 1 else []
    return [unescape(title) for title in titles]


@pytest.mark.parametrize(
    ("typed", "title"),
    [("musee", "Nuit au musée"), ("MUSÉE", "Nuit au musée"), ("nuit musee", "Nuit au musée")],
)
def test_words_typed_without_accents_or_in_capitals_find_the_page(client, typed, title):
    assert title in result_titles(client, "/fr/recherche/", typed)


def test_the_singular_finds_titles_in_the_plural(client):
    """No stemming in an index of three languages: prefix matching on titles stands in."""
    assert "Engrenages et machines" in result_titles(client, "/fr/recherche/", "engrenage")


def test_a_search_that_finds_nothing_stays_empty(client):
    html = client.get("/fr/recherche/", {"q": "xylophonique"}).content.decode()
    assert 'class="search-results"' not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's text search only")
def test_postgresql_reads_every_language_alike_whatever_its_default():
    """No English stemming or stop words, no accents, whatever the server's locale."""
    with connection.cursor() as cursor:
        cursor.execute("SET default_text_search_config = 'pg_catalog.english'")
        cursor.execute("SELECT to_tsvector('csti_search', 'The Élèves des Musées')::text")
        (vector,) = cursor.fetchone()
    assert vector == "'des':3 'eleves':2 'musees':4 'the':1"


def test_text_a_space_shows_is_searchable(client):
    space = VenueSpacePage.objects.live().filter(locale__language_code="fr").first()
    space.accessibility = "Boucle magnétique zygomorphe"
    space.save_revision().publish()
    assert space.title in result_titles(client, "/fr/recherche/", "zygomorphe")


def test_an_events_accessibility_and_price_details_are_searchable(client):
    event = EventPage.objects.live().filter(locale__language_code="fr").first()
    event.price_details = "Gratuit pour les xénophiles"
    event.save_revision().publish()
    assert event.title in result_titles(client, "/fr/recherche/", "xenophiles")


def test_the_memberships_page_is_found_by_its_networks(client, django_capture_on_commit_callbacks):
    """The networks are snippets of the site: saving one indexes the page again."""
    networks = demo_page("memberships-page", "fr")
    assert networks.title not in result_titles(client, "/fr/recherche/", "quokkanet")
    with django_capture_on_commit_callbacks(execute=True):
        make_membership(networks.get_site(), make_organisation("Quokkanet", "world"))
    assert networks.title in result_titles(client, "/fr/recherche/", "quokkanet")


def test_a_network_imported_in_one_transaction_indexes_the_pages_once(
    django_capture_on_commit_callbacks,
):
    from csti_cms.plugins.memberships.models import _reindex_memberships_pages

    site = demo_page("memberships-page", "fr").get_site()
    with django_capture_on_commit_callbacks() as callbacks:
        for number in range(12):
            make_membership(site, make_organisation(f"Réseau {number}", "world"))
    assert sum(task is _reindex_memberships_pages for task in callbacks) == 1


def test_the_header_box_shows_the_search_not_a_pages_filters(client):
    agenda = demo_page("agenda", "fr").url
    for filters in ({"q": "robot"}, {"audience": "teachers"}):
        html = client.get(agenda, filters).content.decode()
        assert HEADER_SEARCH_BOX.search(html)[1] == ""
    html = client.get("/fr/recherche/", {"q": "robot"}).content.decode()
    assert HEADER_SEARCH_BOX.search(html)[1] == "robot"


def test_a_long_query_is_cut_after_a_whole_word():
    words = "musées " * 40  # 7 characters: the limit falls inside a word
    kept = views.search_terms(words)
    assert len(kept) <= views.MAX_QUERY_LENGTH
    assert set(kept.split()) == {"musées"}


def test_links_of_the_search_page_carry_the_cleaned_query_alone(client):
    typed = "robot " * 2000
    links = head_links(client, f"/fr/recherche/?q={typed}&utm_source=newsletter&page=2")
    searched = views.search_terms(typed).replace(" ", "+")
    assert links["canonical"] == absolute(f"/fr/recherche/?q={searched}")
    assert links["alternates"]["nl"] == absolute(f"/nl/zoeken/?q={searched}")
    assert "utm_source" not in links["html"]


def test_the_search_form_is_a_landmark_named_by_the_heading(client):
    html = client.get("/en/search/", {"q": "robot"}).content.decode()
    assert '<h1 id="search-heading">Search</h1>' in html
    assert 'class="search-form" role="search" aria-labelledby="search-heading"' in html
    assert html.count('role="search"') == 2


def test_elasticsearch_drops_french_articles_and_accents_for_every_language():
    analysis = SearchBackend({"URLS": ["http://127.0.0.1:9200"]}).settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    assert default["filter"] == ["french_elision", "lowercase", "asciifolding"]
    assert {"l", "d", "qu", "jusqu"} <= set(analysis["filter"]["french_elision"]["articles"])
    assert "french_elision" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert "ngram" in analysis["filter"], "Wagtail's own filters are kept"


def test_elasticsearch_reads_page_text_with_the_default_analyzer():
    backend = SearchBackend({"URLS": ["http://127.0.0.1:9200"]})
    properties = backend.mapping_class(EventPage).get_mapping()["properties"]
    body = next(value for key, value in properties.items() if key.endswith("body"))
    assert body["type"] == "text"
    assert "analyzer" not in body


def test_elasticsearch_reads_prefix_searches_as_it_reads_page_text():
    backend = SearchBackend({"URLS": ["http://127.0.0.1:9200"]})
    properties = backend.mapping_class(EventPage).get_mapping()["properties"]
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["_edgengrams"]["search_analyzer"] == "default"


def test_elasticsearch_finds_pages_with_every_word_as_the_databases_do(client, monkeypatch):
    monkeypatch.setattr(search_server, "_outages", {})
    with elasticsearch_stand_in() as (handler, url):
        backend = {
            "BACKEND": "csti_cms.core.search_server",
            "URLS": [url],
            "INDEX_PREFIX": "csti_operator_",
            "OPTIONS": {"max_retries": 0},
        }
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
            assert client.get("/en/search/", {"q": "night museum"}).status_code == 200
    searches = [json.loads(body) for body in handler.asked if b"night" in body]
    assert searches
    assert all('"operator": "and"' in json.dumps(search) for search in searches)


MUSEUMS = ("Musée des glaciers", "Musées de la région")


def add_museums():
    """Two French pages, one named in the singular and one in the plural, with accents."""
    about = demo_page("about", "fr")
    for number, title in enumerate(MUSEUMS):
        added = about.add_child(instance=ContentPage(title=title, slug=f"musee-{number}"))
        added.save_revision().publish()
    return MUSEUMS


@pytest.fixture
def museums_pages():
    return add_museums()


@pytest.mark.parametrize("typed", ["muse", "musee", "musée", "musees", "musées", "MUSÉES"])
def test_singular_and_plural_with_or_without_accents_find_both_museums(
    client, museums_pages, typed
):
    """Accents count nowhere, in full-text searches or prefixes, and a plural finds the
    singular: "muse" and "musees" find "Musée" as "musée" does."""
    found = result_titles(client, "/fr/recherche/", typed)
    assert set(museums_pages) <= set(found), found


@pytest.mark.parametrize(
    ("typed", "prefixes"),
    [
        ("musees", "musee"),
        ("Nuit aux musées", "Nuit aux musée"),
        ("jeux", "jeu"),
        ("museums", "museum"),
        ("des", "des"),
        ("class", "class"),
        ("", ""),
    ],
)
def test_the_last_word_is_looked_for_in_titles_as_its_singular(typed, prefixes):
    """Only the last word is a prefix: the others, cut, would miss their own plural."""
    assert title_prefixes(typed) == prefixes


POSTGRESQL_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's text search only"
)


@POSTGRESQL_ONLY
def test_postgresql_reads_title_prefixes_with_the_search_configuration():
    """Wagtail reads them with ``simple``, where "muse" misses "Musée"."""
    from wagtail.search.backends import get_search_backend

    assert get_search_backend().autocomplete_config == "csti_search"


@POSTGRESQL_ONLY
def test_without_unaccent_prefixes_keep_their_accents_and_still_find_plurals(client):
    """A managed database may refuse ``unaccent``: ``csti_search`` is then ``simple``."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEXT SEARCH CONFIGURATION csti_keeps_accents (COPY = simple)")
    backends = {
        "default": {
            **settings.WAGTAILSEARCH_BACKENDS["default"],
            "SEARCH_CONFIG": "csti_keeps_accents",
            "AUTOCOMPLETE_CONFIG": "csti_keeps_accents",
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        add_museums()
        assert set(MUSEUMS) <= set(result_titles(client, "/fr/recherche/", "musées"))
        assert "Musée des glaciers" not in result_titles(client, "/fr/recherche/", "musee")
