"""The language switcher: none for a centre publishing one language, nothing to switch to;
elsewhere each language's name read in that language, and the rest in the page's."""

import re

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from tests.conftest import demo_page
from tests.core.language_centres import TECHNOPOLIS, WALLOON, get, technopolis, walloon_centre

pytestmark = pytest.mark.django_db

SWITCHER = '<nav class="language-switcher"'
NOT_TRANSLATED = "This page is not available in this language: the link leads to the home page."


def test_a_french_only_centre_has_no_language_switcher(client):
    walloon_centre()
    response = get(client, WALLOON, "/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert SWITCHER not in html
    assert "language-choice.js" not in html, "nor its script"


def test_a_centre_in_two_languages_offers_the_other(client):
    technopolis()
    html = get(client, TECHNOPOLIS, "/nl/").content.decode()
    switcher = html.split(SWITCHER, 1)[1].split("</nav>", 1)[0]
    assert 'hreflang="fr"' in switcher
    assert 'hreflang="en"' not in switcher, "English is not published"


def test_the_not_found_page_of_a_french_only_centre_has_no_switcher(client):
    walloon_centre()
    response = get(client, WALLOON, "/fr/nope/")
    assert response.status_code == 404
    assert SWITCHER not in response.content.decode()


def switcher_links(html):
    """The switcher's links to other languages, whole."""
    switcher = html.split(SWITCHER, 1)[1].split("</nav>", 1)[0]
    return dict(re.findall(r'<a href="[^"]*" hreflang="([a-z]{2})"[^>]*>(.*?)</a>', switcher))


def test_only_the_language_name_is_read_in_that_language(client):
    """The link had ``lang="nl"``, so its French hint was read with a Dutch voice."""
    links = switcher_links(client.get(demo_page("about").url).content.decode())
    assert links["nl"] == '<span lang="nl">Nederlands</span>'
    html = client.get(demo_page("about").url).content.decode()
    assert re.search(r'<a href="[^"]*" hreflang="nl" data-language-cookie="[^"]*">', html)


def test_the_home_page_fallback_is_said_in_the_page_language_in_the_link_text(client):
    """A title was shown to mouse users only; the hint is now read with the link."""
    demo_page("about", "nl").unpublish()
    links = switcher_links(client.get(demo_page("about").url).content.decode())
    with translation.override("fr"):
        hint = escape(gettext(NOT_TRANSLATED))
    assert links["nl"] == (
        f'<span lang="nl">Nederlands</span><span class="visually-hidden"> ({hint})</span>'
    )
    assert "title=" not in links["nl"]
