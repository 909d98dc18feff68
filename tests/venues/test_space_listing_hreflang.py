"""The spaces comparison and its quote form name each language's own address in their
``hreflang`` links, as their canonical address does; the language switcher keeps what
the organiser chose."""

import pytest

from tests.conftest import LANGUAGES, demo_page
from tests.core.helpers import absolute, head_links

pytestmark = pytest.mark.django_db


def listings(route=""):
    """The comparison's address in each language, followed by its ``route``."""
    pages = {language: demo_page("venue-spaces", language) for language in LANGUAGES}
    return {
        language: page.url + (page.reverse_subpage(route) if route else "")
        for language, page in pages.items()
    }


@pytest.mark.parametrize("query", ["?guests=50", "?guests=40&layout=banquet", "?guests=beaucoup"])
def test_a_filtered_comparison_names_each_listing_in_hreflang_as_its_canonical(client, query):
    own = listings()
    links = head_links(client, own["fr"] + query)
    assert links["canonical"] == absolute(own["fr"])
    assert links["alternates"] == {
        **{language: absolute(url) for language, url in own.items()},
        "x-default": absolute(own["fr"]),
    }


def test_the_switcher_still_carries_the_comparisons_filters(client):
    own = listings()
    links = head_links(client, own["fr"] + "?guests=50")
    assert links["switcher"]["nl"] == own["nl"] + "?guests=50"


def test_the_quote_form_names_each_form_in_hreflang_and_carries_the_ticked_spaces(client):
    forms = listings("quote")
    auditorium = demo_page("space-auditorium", "fr").pk
    links = head_links(client, f"{forms['fr']}?space={auditorium}&guests=50")
    for language, form in forms.items():
        assert links["alternates"][language] == absolute(form)
    dutch = demo_page("space-auditorium", "nl").pk
    assert links["switcher"]["nl"] == f"{forms['nl']}?space={dutch}&guests=50"
