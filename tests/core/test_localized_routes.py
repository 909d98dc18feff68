"""Sub-routes and the search are spelled in the visitor's language, and the English
spelling of older links keeps answering on every translation."""

import re

import pytest

from tests.conftest import demo_page
from tests.schools.helpers import booking_data

pytestmark = pytest.mark.django_db

SPELLINGS = {
    "fr": {"calendar": "calendrier", "archive": "archives", "book": "reserver", "quote": "devis"},
    "nl": {"calendar": "kalender", "archive": "archief", "book": "reserveren", "quote": "offerte"},
    "en": {"calendar": "calendar", "archive": "archive", "book": "book", "quote": "quote"},
}
SEARCH = {"fr": "/fr/recherche/", "nl": "/nl/zoeken/", "en": "/en/search/"}


def links(html):
    return set(re.findall(r'href="([^"?#]+)', html))


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_pages_link_to_their_sub_routes_in_their_own_language(client, language):
    words = SPELLINGS[language]
    agenda = demo_page("agenda", language).url
    agenda_links = links(client.get(agenda).content.decode())
    assert f"{agenda}{words['calendar']}/" in agenda_links
    assert f"{agenda}{words['archive']}/" in agenda_links

    activity = demo_page("activity-colour-chemistry", language).url
    assert f"{activity}{words['book']}/" in links(client.get(activity).content.decode())

    spaces = demo_page("venue-spaces", language).url
    assert any(
        link.startswith(f"{spaces}{words['quote']}/")
        for link in links(client.get(spaces).content.decode())
    )

    home = client.get(demo_page("home", language).url).content.decode()
    assert f'action="{SEARCH[language]}"' in home


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_each_spelling_answers_and_so_does_the_english_one_of_older_links(client, language):
    words = SPELLINGS[language]
    agenda = demo_page("agenda", language).url
    for path in (f"{words['calendar']}/2027/1/", f"{words['archive']}/", "calendar/2027/1/"):
        assert client.get(agenda + path).status_code == 200, path
    activity = demo_page("activity-colour-chemistry", language).url
    for path in (f"{words['book']}/", "book/"):
        assert client.get(activity + path).status_code == 200, path
    assert client.get(SEARCH[language], {"q": "chimie"}).status_code == 200


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_search_address_spelled_in_english_moves_to_the_languages_own(client, language):
    response = client.get(f"/{language}/search/", {"q": "chimie"})
    assert response.status_code == 301
    assert response["Location"] == f"{SEARCH[language]}?q=chimie"


def test_another_languages_spelling_is_not_an_address(client):
    assert client.get(demo_page("agenda", "fr").url + "kalender/").status_code == 404
    assert client.get(demo_page("agenda", "nl").url + "calendrier/").status_code == 404
    assert client.get("/fr/zoeken/").status_code == 404


def test_a_booking_sent_to_the_older_english_address_ends_on_the_french_thank_you(
    client, django_capture_on_commit_callbacks
):
    activity = demo_page("activity-colour-chemistry", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(activity.url + "book/", booking_data(activity))
    assert response.status_code == 302
    assert response["Location"].endswith(activity.url + "reserver/merci/")
    assert client.get(response["Location"]).status_code == 200


def test_the_switcher_on_a_booking_form_leads_to_the_form_in_the_other_language(client):
    french = demo_page("activity-colour-chemistry", "fr")
    html = client.get(french.url + "reserver/").content.decode()
    dutch = demo_page("activity-colour-chemistry", "nl").url
    assert f'href="{dutch}reserveren/"' in html


def test_crawlers_may_read_the_noindex_of_the_search_in_every_spelling(client):
    """A crawler kept out by robots.txt never sees the ``noindex``, and still indexed a
    linked results address by the address alone."""
    robots = client.get("/robots.txt").content.decode()
    for address in [*SEARCH.values(), "/fr/search/", "/nl/search/"]:
        assert f"Disallow: {address}" not in robots
        results = client.get(address, {"q": "robot"}, follow=True).content.decode()
        assert '<meta name="robots" content="noindex">' in results
