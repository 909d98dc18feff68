"""The comparison's filters go with the organiser to a space and on to the quote form."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import demo_page
from tests.venues.helpers import quote_url

pytestmark = pytest.mark.django_db

FILTERS = {"guests": "120", "layout": "banquet"}


def query(url):
    return parse_qs(urlsplit(url).query)


def test_the_filtered_listing_links_carry_its_filters(client):
    listing = demo_page("venue-spaces", "en")
    response = client.get(listing.url, FILTERS)
    assert query(response.context["quote_url"]) == {"guests": ["120"], "layout": ["banquet"]}
    atrium = demo_page("space-atrium", "en")
    assert f'href="{atrium.url}?guests=120&amp;layout=banquet"' in response.content.decode()

    space = client.get(atrium.url, FILTERS)
    assert query(space.context["quote_url"]) == {
        "space": [str(atrium.pk)],
        "guests": ["120"],
        "layout": ["banquet"],
    }
    assert query(client.get(atrium.url).context["quote_url"]) == {"space": [str(atrium.pk)]}


def test_the_quote_form_is_filled_in_with_the_filters(client):
    atrium = demo_page("space-atrium", "en")
    form = client.get(quote_url("en"), {"space": atrium.pk, **FILTERS}).context["form"]
    assert (form["guests"].value(), form["layout"].value()) == (120, "banquet")
    assert form["spaces"].value() == [str(atrium.pk)]


def test_filters_out_of_bounds_fill_nothing_in(client):
    listing = demo_page("venue-spaces", "en")
    bad = {"guests": "99999999", "layout": "ballroom"}
    assert "?" not in client.get(listing.url, bad).context["quote_url"]
    form = client.get(quote_url("en"), bad).context["form"]
    assert (form["guests"].value(), form["layout"].value()) == (None, None)
