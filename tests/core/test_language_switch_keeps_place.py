"""The language switcher lands the visitor at the same place of what they were reading.

A view notes the query that only moves the visitor within it and means the same in every
language (``keep_on_language_switch``): the switcher's links carry it, the ``hreflang``
alternates do not, so search engines still file each view under its own address.
"""

import pytest
from django.test import RequestFactory

from csti_cms.core.i18n import LanguageVersion, keep_on_language_switch, language_versions
from tests.conftest import demo_page
from tests.core.helpers import head_links

pytestmark = pytest.mark.django_db


def version(url, kept_query=""):
    return LanguageVersion("nl", "Nederlands", url, True, False, kept_query=kept_query)


def test_the_kept_query_joins_a_query_the_version_has_already():
    assert version("/nl/agenda/?audience=schools", "page=2").switch_url == (
        "/nl/agenda/?audience=schools&page=2"
    )
    assert version("/nl/over/", "page=2").switch_url == "/nl/over/?page=2"
    assert version("/nl/over/").switch_url == "/nl/over/", "nothing kept, nothing added"


def test_only_translations_keep_the_place_a_home_page_fallback_starts_afresh():
    about = demo_page("about", "fr")
    request = RequestFactory().get(about.url + "?p=3")
    keep_on_language_switch(request, p=3, empty="")
    versions = {v.code: v for v in language_versions(request, about)}
    assert versions["nl"].switch_url == demo_page("about", "nl").url + "?p=3"
    assert versions["nl"].url == demo_page("about", "nl").url, "hreflang stays canonical"

    demo_page("about", "nl").unpublish()
    request = RequestFactory().get(about.url + "?p=3")
    keep_on_language_switch(request, p=3)
    dutch = {v.code: v for v in language_versions(request, about)}["nl"]
    assert not dutch.is_translation and "?" not in dutch.switch_url


def test_a_search_keeps_its_words_but_not_its_page_when_switching(client):
    """Search results differ from one language to the next: page 2 is not carried."""
    shown = head_links(client, "/nl/zoeken/?q=wetenschap&page=2&utm_source=x")
    assert shown["switcher"]["fr"] == "/fr/recherche/?q=wetenschap"
    assert shown["alternates"]["fr"].endswith("/fr/recherche/?q=wetenschap")
