"""Visitors get the site in their language, and never dead-end when switching."""

import re

import pytest
from wagtail.models import Page

from csti_cms.core.models import ContentPage
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

HREFLANG = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCHER_LINK = re.compile(r'<a href="([^"]+)" hreflang="([a-z]{2})"')


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("nl-BE,nl;q=0.9,en;q=0.5", "/nl/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("fr-BE", "/fr/"),
        ("de-DE", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_each_language_home_answers_in_its_own_language(client):
    titles = set()
    for language in LANGUAGES:
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        titles.add(re.search(r"<h1>(.*?)</h1>", html).group(1))
    assert len(titles) == 3, "each language has its own text"


def test_every_translated_page_links_to_all_its_versions(client):
    about = demo_page("about")
    html = client.get(about.url).content.decode()
    alternates = dict(HREFLANG.findall(html))
    assert set(alternates) == {"fr", "nl", "en", "x-default"}
    assert alternates["x-default"] == alternates["fr"]
    for language in LANGUAGES:
        assert alternates[language].endswith(demo_page("about", language).url)


def test_switcher_goes_to_the_same_page_in_each_language(client):
    for language in LANGUAGES:
        page = demo_page("about", language)
        html = client.get(page.url).content.decode()
        links = dict((lang, url) for url, lang in SWITCHER_LINK.findall(html))
        assert set(links) == set(LANGUAGES) - {language}
        for other, url in links.items():
            assert url == demo_page("about", other).url
            followed = client.get(url)
            assert followed.status_code == 200
            assert f'<html lang="{other}">' in followed.content.decode()


def test_untranslated_page_switches_to_the_other_languages_home(client):
    home = demo_page("home", "fr")
    page = home.add_child(instance=ContentPage(title="Nuit des chercheurs", slug="nuit"))
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    links = dict((lang, url) for url, lang in SWITCHER_LINK.findall(html))
    assert links == {"nl": "/nl/", "en": "/en/"}
    for url in links.values():
        assert client.get(url).status_code == 200
    # Only the versions that exist are announced to search engines.
    assert dict(HREFLANG.findall(html)).keys() == {"fr", "x-default"}


def test_unpublished_translation_is_not_offered(client):
    about_nl = demo_page("about", "nl")
    about_nl.unpublish()
    html = client.get(demo_page("about", "fr").url).content.decode()
    links = dict((lang, url) for url, lang in SWITCHER_LINK.findall(html))
    assert links["nl"] == "/nl/"
    assert client.get(about_nl.url).status_code == 404


def test_language_without_any_live_page_is_not_offered(client):
    Page.objects.filter(locale__language_code="en").unpublish()
    response = client.get(demo_page("about", "fr").url)
    assert response.status_code == 200
    links = dict((lang, url) for url, lang in SWITCHER_LINK.findall(response.content.decode()))
    assert set(links) == {"nl"}


def test_a_language_whose_home_is_unpublished_has_no_pages(client):
    """Its pages stay live, but nothing leads there and its addresses answer 404,
    rather than the French site under the Dutch prefix."""
    demo_page("home", "nl").unpublish()
    about_nl = demo_page("about", "nl")
    assert about_nl.live
    for path in ("/nl/", about_nl.url, "/nl/zoeken/?q=wetenschap"):
        assert client.get(path).status_code == 404, path
    html = client.get(demo_page("about", "fr").url).content.decode()
    switcher = dict((lang, url) for url, lang in SWITCHER_LINK.findall(html))
    assert set(switcher) == {"en"}
    assert "nl" not in dict(HREFLANG.findall(html))
    sitemap = client.get("/sitemap.xml").content.decode()
    assert demo_page("about", "fr").url in sitemap
    assert "/nl/" not in sitemap


def test_non_page_views_switch_to_the_same_view(client):
    html = client.get("/nl/zoeken/?q=wetenschap").content.decode()
    links = dict((lang, url) for url, lang in SWITCHER_LINK.findall(html))
    assert links["fr"].startswith("/fr/recherche/")
    assert links["en"].startswith("/en/search/")


def test_interface_strings_are_translated(client):
    french = client.get("/fr/").content.decode()
    dutch = client.get("/nl/").content.decode()
    assert "Aller au contenu principal" in french
    assert "Naar de hoofdinhoud" in dutch
