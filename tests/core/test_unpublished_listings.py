"""A listing unpublished on its own leaves its pages online, with no link to a 404.

Editors unpublish an agenda, an exhibitions list, a school activities list or a list of
venue spaces while its pages stay live: the pages then leave out their links back to it,
its category filters and the quote form it holds.
"""

import re

import pytest
from wagtail.models import Page

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]*)"')

#: ``(listing, one of its pages)`` by their demo keys.
LISTINGS = [
    ("agenda", "museum-night"),
    ("exhibitions", "expo-matter"),
    ("school-activities", "activity-colour-chemistry"),
    ("venue-spaces", "space-atrium"),
]


def links_to_listing(html, listing, child):
    """Whether ``html`` links to ``listing`` itself, its filters or its routes (the quote
    form), rather than to ``child`` (whose address starts with the listing's)."""
    return any(
        href.startswith(listing.url) and not href.startswith(child.url)
        for href in HREF.findall(html)
    )


@pytest.mark.parametrize(("listing_key", "child_key"), LISTINGS)
def test_a_page_links_to_its_listing_only_while_the_listing_is_live(client, listing_key, child_key):
    listing, child = demo_page(listing_key), demo_page(child_key)
    assert links_to_listing(client.get(child.url).content.decode(), listing, child)

    listing.unpublish()
    response = client.get(child.url)
    assert response.status_code == 200
    listing = Page.objects.get(pk=listing.pk)
    assert not links_to_listing(response.content.decode(), listing, child)


def test_event_categories_stay_named_without_their_agenda(client):
    demo_page("agenda").unpublish()
    html = client.get(demo_page("museum-night").url).content.decode()
    assert "?category=" not in html


def test_a_venue_space_offers_no_quote_without_its_listing(client):
    demo_page("venue-spaces").unpublish()
    html = client.get(demo_page("space-atrium").url).content.decode()
    assert "?space=" not in html
    assert 'class="button"' not in html
