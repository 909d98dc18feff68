"""A filtered agenda names each language's agenda in its ``hreflang`` links, as its
canonical address does; the language switcher keeps the visitor's filters."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import LANGUAGES, demo_page
from tests.core.helpers import absolute, head_links

pytestmark = pytest.mark.django_db


def agendas(routes=None):
    """The agenda's address in each language, followed by ``routes[language]``."""
    routes = routes or {}
    return {
        language: demo_page("agenda", language).url + routes.get(language, "")
        for language in LANGUAGES
    }


@pytest.mark.parametrize(
    "query", ["?audience=visitors", "?audience=zzz", "?when=bogus", "?q=climat&category=ateliers"]
)
def test_a_filtered_agenda_names_each_agenda_in_hreflang_as_its_canonical(client, query):
    own = agendas()
    links = head_links(client, own["fr"] + query)
    assert links["canonical"] == absolute(own["fr"])
    assert links["alternates"] == {
        **{language: absolute(url) for language, url in own.items()},
        "x-default": absolute(own["fr"]),
    }


def test_the_switcher_still_carries_the_filters_to_the_other_agenda(client):
    own = agendas()
    links = head_links(client, own["fr"] + "?audience=visitors&category=conferences&page=2")
    dutch = urlsplit(links["switcher"]["nl"])
    assert dutch.path == own["nl"]
    assert parse_qs(dutch.query) == {"audience": ["visitors"], "category": ["lezingen"]}


def test_a_filtered_calendar_month_names_each_month_without_the_filters(client):
    months = agendas(
        {"fr": "calendrier/2027/1/", "nl": "kalender/2027/1/", "en": "calendar/2027/1/"}
    )
    links = head_links(client, months["fr"] + "?free=on")
    assert links["canonical"] == absolute(months["fr"])
    for language, month in months.items():
        assert links["alternates"][language] == absolute(month)
    assert links["switcher"]["nl"] == months["nl"] + "?free=on"
